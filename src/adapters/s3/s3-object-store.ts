import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentityProvider, SourceData } from '@smithy/types';
import type { ObjectStore } from '../../ports.ts';

/** SHA-256 and HMAC-SHA-256 as the signer wants them, from node:crypto. */
export class Sha256 {
  private readonly secret: string | Uint8Array | undefined;
  private hash: Hash | Hmac;

  constructor(secret?: SourceData) {
    this.secret = secret === undefined || typeof secret === 'string' ? secret : bytes(secret);
    this.hash = this.fresh();
  }

  update(data: SourceData): void {
    this.hash.update(typeof data === 'string' ? data : bytes(data));
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }

  reset(): void {
    this.hash = this.fresh();
  }

  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', this.secret);
  }
}

function bytes(data: ArrayBuffer | ArrayBufferView): Uint8Array {
  return ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
}

export class S3RequestError extends Error {
  override name = 'S3RequestError';
}

/**
 * S3 GetObject and PutObject as signed HTTPS requests (SigV4 from @smithy/signature-v4, the
 * SDK's own signer): the manifest writer needs two calls, not a whole client. The bucket's
 * default encryption (the stack's KMS key) applies to every object written.
 */
export class S3ObjectStore implements ObjectStore {
  private readonly signer: SignatureV4;
  private readonly region: string;
  /** Path-style endpoint (`AWS_ENDPOINT_URL_S3`), else virtual-hosted AWS. */
  private readonly endpoint: string | undefined;

  constructor(options: {
    region: string;
    endpoint?: string;
    credentials?: AwsCredentialIdentityProvider;
  }) {
    this.region = options.region;
    this.endpoint = options.endpoint;
    this.signer = new SignatureV4({
      service: 's3',
      region: options.region,
      credentials: options.credentials ?? defaultProvider(),
      sha256: Sha256,
      uriEscapePath: false,
    });
  }

  async put(bucket: string, key: string, body: string): Promise<void> {
    await this.send('PUT', bucket, key, body);
  }

  async get(bucket: string, key: string): Promise<string> {
    return this.send('GET', bucket, key, '');
  }

  private async send(method: 'GET' | 'PUT', bucket: string, key: string, body: string) {
    const path = `/${key.split('/').map(encodeURIComponent).join('/')}`;
    const url = new URL(
      this.endpoint
        ? `${this.endpoint.replace(/\/$/, '')}/${bucket}${path}`
        : `https://${bucket}.s3.${this.region}.amazonaws.com${path}`,
    );
    const signed = await this.signer.sign({
      method,
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname,
      query: {},
      headers: {
        host: url.host,
        'x-amz-content-sha256': createHash('sha256').update(body).digest('hex'),
        ...(method === 'PUT' ? { 'content-type': 'application/json' } : {}),
      },
      ...(method === 'PUT' ? { body } : {}),
    });
    const { host: _host, ...headers } = signed.headers;
    const response = await fetch(url, { method, headers, ...(method === 'PUT' ? { body } : {}) });
    const text = await response.text();
    if (!response.ok)
      throw new S3RequestError(`S3 ${method} s3://${bucket}/${key}: ${response.status} ${text}`);
    return text;
  }
}
