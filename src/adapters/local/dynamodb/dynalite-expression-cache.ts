import type { SourcePatch } from './dynalite-source-patch.ts';

const EXPORTS_END = 'exports.convertKeyCondition = convertKeyCondition\n';

const VALUES_CHECKED = `        msg = 'ExpressionAttributeValues contains invalid value: ' + msg + ' for key ' + key
        return msg
      }
    }
  }
`;

const ALL_USED = `  if (Object.keys(context.unusedAttrVals).length) {
    return 'Value provided in ExpressionAttributeValues unused in expressions: ' +
      'keys: {' + Object.keys(context.unusedAttrVals).join(', ') + '}'
  }
}
`;

// A parse is kept with each attribute value it embedded (the parsers put the request's value
// objects themselves into the tree) replaced by a marker naming it; a later request with the
// same expressions, names and value names and types gets a copy with its own values put back.
// The parsers' checks look at a value's type only, except BETWEEN (it compares its bounds) and
// attribute_type (it reads the type name it is given): expressions with either are parsed
// every time. Only parses that passed every check are kept.
const HELPERS = `
var PARSED_MEMBERS = ['_updates', '_condition', '_keyCondition', '_filter', '_projection']
var EXPRESSION_MEMBERS = ['UpdateExpression', 'ConditionExpression', 'KeyConditionExpression',
  'FilterExpression', 'ProjectionExpression']
var PARSES_KEPT = 1000
var parses = new Map()
var VALUE_MARK = Symbol('expression attribute value')

function parseKey (data) {
  var texts = EXPRESSION_MEMBERS.map(function (member) { return data[member] })
  if (texts.every(function (text) { return text == null })) return undefined
  if (texts.some(function (text) { return text != null && /between|attribute_type/i.test(text) })) return undefined
  var types = {}
  for (var key in data.ExpressionAttributeValues) types[key] = Object.keys(data.ExpressionAttributeValues[key])
  return JSON.stringify([texts, data.ExpressionAttributeNames, types])
}

function copied (node, instead) {
  if (node === null || typeof node != 'object') return node
  var replacement = instead(node)
  if (replacement !== undefined) return replacement
  if (Array.isArray(node)) return node.map(function (child) { return copied(child, instead) })
  var copy = {}
  for (var member in node) copy[member] = copied(node[member], instead)
  return copy
}

function keepParse (key, data) {
  var names = new Map()
  for (var name in data.ExpressionAttributeValues) names.set(data.ExpressionAttributeValues[name], name)
  var marked = function (node) { return names.has(node) ? { [VALUE_MARK]: names.get(node) } : undefined }
  var kept = {}
  PARSED_MEMBERS.forEach(function (member) { if (data[member] !== undefined) kept[member] = copied(data[member], marked) })
  if (parses.size >= PARSES_KEPT) parses.clear()
  parses.set(key, kept)
}

function useParse (kept, data) {
  var values = data.ExpressionAttributeValues
  var filled = function (node) { return node[VALUE_MARK] !== undefined ? values[node[VALUE_MARK]] : undefined }
  for (var member in kept) data[member] = copied(kept[member], filled)
}
`;

/**
 * The store parses each request's expressions with dynalite's generated parsers, and a wave sends
 * the same few expressions with new values every time (a notification's SENT mark, its delivery
 * report): in a profile of the store at 10 × 2,000 passengers that parsing was about a tenth of
 * its busy time. The store keeps the parse of each expression with its values taken out, and
 * puts a request's own values into a copy of it. Every other check still runs on every request:
 * the names' and values' keys (they are part of what a parse is kept under), each value's own
 * validity, and everything outside the expressions.
 */
export const EXPRESSION_CACHE: SourcePatch = {
  file: 'validations/index.js',
  purpose: 'expression parses kept apart from their values',
  edits: [
    { find: EXPORTS_END, replace: `${EXPORTS_END}${HELPERS}` },
    {
      find: VALUES_CHECKED,
      replace: `${VALUES_CHECKED}
  var keptUnder = parseKey(data), kept = keptUnder && parses.get(keptUnder)
  if (kept) return useParse(kept, data)
`,
    },
    {
      find: ALL_USED,
      replace: `${ALL_USED.slice(0, -2)}
  if (keptUnder) keepParse(keptUnder, data)
}
`,
    },
  ],
};
