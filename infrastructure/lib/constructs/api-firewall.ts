import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/** Requests per five minutes one address may make before it is blocked for a while. */
export const RATE_LIMIT_PER_5_MINUTES = 1000;
export const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesAmazonIpReputationList',
] as const;

const visibility = (metricName: string) => ({
  cloudWatchMetricsEnabled: true,
  sampledRequestsEnabled: true,
  metricName,
});

/** WAF in front of the API stage: a per-address rate limit and AWS managed rule groups. */
export class ApiFirewall extends Construct {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: { stage: apigateway.Stage }) {
    super(scope, id);
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: 'flightpulse-api',
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('flightpulse-api'),
      rules: [
        {
          name: 'rate-limit-per-address',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: { limit: RATE_LIMIT_PER_5_MINUTES, aggregateKeyType: 'IP' },
          },
          visibilityConfig: visibility('rate-limit-per-address'),
        },
        ...MANAGED_RULE_GROUPS.map((name, i) => ({
          name,
          priority: i + 1,
          overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
          visibilityConfig: visibility(name),
        })),
      ],
    });
    new wafv2.CfnWebACLAssociation(this, 'Association', {
      resourceArn: props.stage.stageArn,
      webAclArn: this.webAcl.attrArn,
    });
  }
}
