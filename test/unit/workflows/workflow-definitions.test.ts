import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  taskResolver,
  UnsupportedResourceError,
} from '../../../src/adapters/local/step-functions/task-resources.ts';
import {
  allStates,
  loadWorkflows,
  localSubstitutions,
  UnsupportedWorkflowError,
} from '../../../src/adapters/local/step-functions/workflow-definitions.ts';
import { WORKFLOWS } from '../../../src/domain/workflows/task-functions.ts';

const STEP_FUNCTIONS = join(import.meta.dirname, '../../../step-functions');
const deps = {
  functions: new Map(),
  dynamodb: {} as never,
  bus: { publish: async () => {} },
  sendMessage: async () => {},
};

describe('workflow definitions', () => {
  const workflows = loadWorkflows(
    STEP_FUNCTIONS,
    localSubstitutions('FlightPulseTable', 'flightpulse-bus'),
  );

  it('loads every state machine, valid ASL, with every substitution made', () => {
    expect(workflows.map((w) => w.name)).toEqual([
      'FlightPulseDelayNotification',
      'FlightPulseCancellationWorkflow',
      'FlightPulseGateChangeWorkflow',
      'FlightPulseRebookingAnswerWorkflow',
      'FlightPulseWaiverOffersWorkflow',
    ]);
    for (const w of workflows) expect(JSON.stringify(w.definition)).not.toMatch(/\$\{/);
  });

  it('resolves every Task state generically from its Resource', () => {
    for (const w of workflows) {
      for (const [, state] of allStates(w.definition)) {
        if (state.Type === 'Task')
          expect(() => taskResolver(String(state.Resource), deps)).not.toThrow();
      }
    }
    expect(() => taskResolver('arn:aws:states:::sns:publish', deps)).toThrow(
      UnsupportedResourceError,
    );
    expect(() => taskResolver('arn:aws:states:::dynamodb:query', deps)).toThrow(
      UnsupportedResourceError,
    );
  });

  it('processes bookings in batches, never one Map iteration per passenger', () => {
    for (const w of workflows) {
      for (const [, state] of allStates(w.definition)) {
        // Bookings in batches of 50 from the run's manifest, offers in batches of 100.
        const reader = state.ItemReader as { Parameters?: Record<string, string> } | undefined;
        if (state.Type === 'Map')
          expect(['$.bookings.manifest.key', '$.offers.offer_batches']).toContain(
            reader?.Parameters?.['Key.$'] ?? state.ItemsPath,
          );
      }
    }
  });

  it('refuses what the local executor cannot run faithfully', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-'));
    for (const { file } of WORKFLOWS)
      writeFileSync(join(dir, file), readFileSync(join(STEP_FUNCTIONS, file)));
    const original = readFileSync(join(dir, 'gate-change.asl.json'), 'utf8');
    const refused = (
      change: (map: Record<string, unknown>) => void,
      reason: RegExp | typeof UnsupportedWorkflowError,
    ) => {
      const gate = JSON.parse(original);
      change(gate.States.ProcessNotifications);
      writeFileSync(join(dir, 'gate-change.asl.json'), JSON.stringify(gate));
      expect(() => loadWorkflows(dir, localSubstitutions('T', 'B'))).toThrow(reason);
    };
    refused((map) => {
      (map.ItemProcessor as Record<string, unknown>).ProcessorConfig = {
        Mode: 'DISTRIBUTED',
        ExecutionType: 'EXPRESS',
      };
    }, /only STANDARD/);
    refused((map) => {
      map.ItemBatcher = { MaxItemsPerBatch: 10 };
    }, /ItemBatcher/);
    refused((map) => {
      (map.ItemReader as Record<string, unknown>).ReaderConfig = { InputType: 'CSV' };
    }, /JSON array from S3/);
    refused((map) => {
      map.QueryLanguage = 'JSONata';
    }, UnsupportedWorkflowError);
    expect(() => loadWorkflows(STEP_FUNCTIONS, { TableName: 'T' })).toThrow(/no substitution/);
  });
});
