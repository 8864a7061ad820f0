import {
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import type { ObjectStore } from '../../ports.ts';

/**
 * Workflow manifests in S3: PutObject and GetObject through the SDK's S3 client. The bucket's
 * default encryption (the stack's KMS key) applies to every object written.
 */
export class S3ObjectStore implements ObjectStore {
  private readonly client: S3Client;

  constructor(options: {
    region: string;
    /** An S3-compatible endpoint (`AWS_ENDPOINT_URL_S3`), addressed path-style. */
    endpoint?: string;
    credentials?: S3ClientConfig['credentials'];
  }) {
    this.client = new S3Client({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
  }

  async put(bucket: string, key: string, body: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentType: 'application/json',
      }),
    );
  }

  async get(bucket: string, key: string): Promise<string> {
    const { Body } = await this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return (await Body?.transformToString('utf8')) ?? '';
  }
}
