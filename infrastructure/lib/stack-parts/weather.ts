import type { RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Channels } from '../constructs/channels.ts';
import { DataKeys } from '../constructs/data-keys.ts';
import type { DataTable } from '../constructs/data-table.ts';
import { WeatherWatch } from '../constructs/weather-watch.ts';
import type { FunctionFactory } from './function-factory.ts';

export interface WeatherProps {
  functions: FunctionFactory;
  keys: DataKeys;
  data: DataTable;
  busArn: string;
  ingest: LambdaFunction;
  channels: Channels;
  deadLetterQueue: sqs.IQueue;
  removalPolicy: RemovalPolicy;
}

/** The weather watch: declares disruptions through ingest and sends heads-ups itself. */
export function weatherWatch(stack: Stack, props: WeatherProps): WeatherWatch {
  const { functions, keys, data, ingest, channels } = props;
  const watch = new WeatherWatch(stack, 'WeatherWatch', {
    environment: { ...functions.env, INGEST_FUNCTION_NAME: ingest.functionName },
    tableArns: data.arns(),
    busArn: props.busArn,
    deadLetterQueue: props.deadLetterQueue,
    removalPolicy: props.removalPolicy,
  });
  // Heads-ups (WEATHER_HEADS_UP) leave through the channels too.
  channels.grantSending(watch.fn);
  DataKeys.use(keys.table, watch.fn);
  // Declarations enter through the ingest function.
  functions.invokeAccess(watch.fn, ingest);
  return watch;
}
