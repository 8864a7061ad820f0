import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infrastructure/lib/build-app.ts';

export type Resources = Record<
  string,
  { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string }
>;

/**
 * Synthesises the app as `npm run synth` does; cdk-nag's findings fail synthesis. Bundling
 * every function takes seconds, so only `bundle` bundles (else only the template matters).
 */
export function synth(context: Record<string, string> = {}, bundle = false) {
  const app = new App({
    context: {
      '@aws-cdk/customresources:installLatestAwsSdkDefault': false,
      ...(bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
      ...context,
    },
  });
  const stack = buildApp(app);
  const assembly = app.synth();
  const template = Template.fromStack(stack);
  return { template, assembly, resources: template.toJSON().Resources as Resources };
}

export const byType = (resources: Resources, type: string) =>
  Object.entries(resources).filter(([, r]) => r.Type === type);

export interface NagReport {
  conclusion: string;
  violations: unknown[];
  suppressedViolations?: Array<{ ruleName: string; reason: string }>;
}

/** cdk-nag's AwsSolutions report from a synthesised assembly's validation report. */
export function awsSolutionsReport(assembly: { directory: string }): NagReport {
  const report = JSON.parse(
    readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8'),
  ) as { pluginReports: Array<NagReport & { pluginName: string }> };
  const aws = report.pluginReports.find((p) => p.pluginName === 'AwsSolutions');
  if (!aws) throw new Error('no AwsSolutions report in the validation report');
  return aws;
}
