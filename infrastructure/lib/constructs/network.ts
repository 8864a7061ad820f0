import { Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

/**
 * Private subnets without NAT, with endpoints for the services the functions call (seed 001):
 * DynamoDB (gateway), EventBridge, SSM, X-Ray, CloudWatch Logs, SQS, Lambda, Bedrock Runtime.
 */
export class Network extends Construct {
  readonly vpc: ec2.Vpc;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [
        { name: 'private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      flowLogs: { rejected: { trafficType: ec2.FlowLogTrafficType.REJECT } },
    });
    this.vpc.addGatewayEndpoint('DynamoDb', { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB });
    const interfaces = {
      EventBridge: ec2.InterfaceVpcEndpointAwsService.EVENTBRIDGE,
      Ssm: ec2.InterfaceVpcEndpointAwsService.SSM,
      XRay: ec2.InterfaceVpcEndpointAwsService.XRAY,
      Logs: ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
      Sqs: ec2.InterfaceVpcEndpointAwsService.SQS,
      // The API invokes the weather watch and the ingest function (weather declarations).
      Lambda: ec2.InterfaceVpcEndpointAwsService.LAMBDA,
      BedrockRuntime: ec2.InterfaceVpcEndpointAwsService.BEDROCK_RUNTIME,
    };
    for (const [name, service] of Object.entries(interfaces)) {
      this.vpc.addInterfaceEndpoint(name, { service, privateDnsEnabled: true });
    }
    // cdk-nag cannot resolve the VPC CIDR token in the endpoint security groups' ingress rule.
    Validations.of(this).acknowledge({
      id: 'AwsSolutions::AwsSolutions-EC23',
      reason:
        'Endpoint security groups accept HTTPS only from the VPC CIDR (a token cdk-nag cannot evaluate), not 0.0.0.0/0.',
    });
  }
}
