// Runs AWS's event-ruler on pattern/event pairs for the differential test of the local matcher.
// Input: one JSON array per line, [pattern, event] (both JSON text). Output: one JSON object per
// line, {"valid": true, "match": bool} or {"valid": false, "error": reason}.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;

@SuppressWarnings("deprecation")
public class RulerDriver {
  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    Map<String, Object> machines = new HashMap<>();
    String line;
    while ((line = in.readLine()) != null) {
      JsonNode pair = json.readTree(line);
      String pattern = pair.get(0).asText();
      String event = pair.get(1).asText();
      Object compiled = machines.computeIfAbsent(pattern, RulerDriver::compile);
      ObjectNode result = json.createObjectNode();
      if (compiled instanceof Machine) {
        result.put("valid", true);
        result.put("match", !((Machine) compiled).rulesForJSONEvent(event).isEmpty());
      } else {
        result.put("valid", false);
        result.put("error", (String) compiled);
      }
      out.println(json.writeValueAsString(result));
    }
    out.flush();
  }

  // A machine holding the one rule, or EventBridge's reason for refusing the pattern.
  private static Object compile(String pattern) {
    String error = JsonRuleCompiler.check(pattern);
    if (error != null) {
      int location = error.indexOf("\n at [");
      return location >= 0 ? error.substring(0, location) : error;
    }
    try {
      Machine machine = new Machine();
      machine.addRule("rule", pattern);
      return machine;
    } catch (Exception e) {
      return String.valueOf(e.getMessage());
    }
  }
}
