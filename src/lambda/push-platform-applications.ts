// Lambda entry: CloudFormation custom resource creating the SNS platform applications (APNs, FCM).
import {
  CreatePlatformApplicationCommand,
  DeletePlatformApplicationCommand,
  SetPlatformApplicationAttributesCommand,
  SNSClient,
} from '@aws-sdk/client-sns';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';

const sns = new SNSClient({});
const ssm = new SSMClient({});

interface Properties {
  Name: string;
  ApnsCredentialParameter: string;
  FcmCredentialParameter: string;
  FailureTopicArn: string;
}

/** APNs takes a token-signing key (.p8) as credential; FCM v1 takes the service account JSON. */
const PLATFORMS = [
  { platform: 'APNS', parameter: 'ApnsCredentialParameter' },
  { platform: 'GCM', parameter: 'FcmCredentialParameter' },
] as const;

async function secret(name: string): Promise<string> {
  const result = await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
  return result.Parameter?.Value ?? '';
}

export async function handler(event: CloudFormationCustomResourceEvent) {
  const props = event.ResourceProperties as unknown as Properties & { ServiceToken: string };
  const arns: Record<string, string> = {};
  for (const { platform, parameter } of PLATFORMS) {
    const arnPrefix = `arn:aws:sns:${process.env.AWS_REGION}:${event.ServiceToken.split(':')[4]}:app/${platform}/${props.Name}`;
    if (event.RequestType === 'Delete') {
      await sns.send(new DeletePlatformApplicationCommand({ PlatformApplicationArn: arnPrefix }));
      continue;
    }
    const attributes = {
      PlatformCredential: await secret(props[parameter]),
      EventDeliveryFailure: props.FailureTopicArn,
    };
    if (event.RequestType === 'Update') {
      await sns.send(
        new SetPlatformApplicationAttributesCommand({
          PlatformApplicationArn: arnPrefix,
          Attributes: attributes,
        }),
      );
      arns[platform] = arnPrefix;
    } else {
      const created = await sns.send(
        new CreatePlatformApplicationCommand({
          Name: props.Name,
          Platform: platform,
          Attributes: attributes,
        }),
      );
      arns[platform] = created.PlatformApplicationArn ?? arnPrefix;
    }
  }
  return {
    PhysicalResourceId: `flightpulse-push-${props.Name}`,
    Data: { ApnsArn: arns.APNS ?? '', FcmArn: arns.GCM ?? '' },
  };
}
