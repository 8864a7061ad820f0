import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { awsSolutionsReport, synth } from '../support/synth-stack.ts';

describe('the weather watch in AWS', () => {
  const { template, assembly } = synth();

  it('is scheduled by EventBridge Scheduler every 15 minutes, with retries and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      Name: 'flightpulse-weather-watch',
      ScheduleExpression: 'rate(15 minutes)',
      State: 'ENABLED',
      Target: Match.objectLike({
        Arn: Match.objectLike({
          'Fn::GetAtt': [Match.stringLikeRegexp('WeatherWatchFunction'), 'Arn'],
        }),
        RetryPolicy: { MaximumEventAgeInSeconds: 600, MaximumRetryAttempts: 2 },
        DeadLetterConfig: {
          Arn: Match.objectLike({
            'Fn::GetAtt': [Match.stringLikeRegexp('WeatherWatchDeadLetters'), 'Arn'],
          }),
        },
      }),
    });
  });

  it('runs the watch function with the table, the bus and nothing more', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'flightpulse-watch-weather',
      Environment: {
        Variables: Match.objectLike({
          TABLE_NAME: 'FlightPulseTable',
          EVENT_BUS_NAME: 'flightpulse-bus',
        }),
      },
    });
    const policies = template.findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: Match.stringLikeRegexp('WeatherWatchFunctionRole') }] },
    });
    const actions = Object.values(policies).flatMap((p) =>
      (p.Properties.PolicyDocument.Statement as Array<{ Action: string | string[] }>).flatMap(
        (s) => s.Action,
      ),
    );
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:Query', 'dynamodb:UpdateItem', 'events:PutEvents']),
    );
    expect(actions.filter((a) => a.startsWith('dynamodb:'))).not.toContain('dynamodb:DeleteItem');
  });

  /** The resources a function's role may invoke, as logical ids of functions. */
  const invokableBy = (role: RegExp) =>
    Object.values(
      template.findResources('AWS::IAM::Policy', {
        Properties: { Roles: [{ Ref: Match.stringLikeRegexp(role.source) }] },
      }),
    ).flatMap((p) =>
      (
        p.Properties.PolicyDocument.Statement as Array<{
          Action: string | string[];
          Resource: unknown;
        }>
      )
        .filter((s) => s.Action === 'lambda:InvokeFunction')
        .map((s) => JSON.stringify(s.Resource)),
    );

  it('lets the decisions enter through the ingest function and the API run the watch', () => {
    expect(invokableBy(/^WeatherWatchFunctionRole/)).toEqual([
      expect.stringMatching(/"IngestFunction[0-9A-F]+","Arn"/),
    ]);
    const byApi = invokableBy(/^ApiRole/);
    expect(byApi).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/"IngestFunction[0-9A-F]+","Arn"/),
        expect.stringMatching(/"WeatherWatchFunction[0-9A-F]+","Arn"/),
      ]),
    );
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'flightpulse-api',
      Environment: {
        Variables: Match.objectLike({
          INGEST_FUNCTION_NAME: Match.anyValue(),
          WEATHER_WATCH_FUNCTION_NAME: Match.anyValue(),
        }),
      },
    });
  });

  it('keeps cdk-nag AwsSolutions clean', () => {
    const aws = awsSolutionsReport(assembly);
    expect(aws.violations).toEqual([]);
    expect(aws.conclusion).toBe('success');
  });
});
