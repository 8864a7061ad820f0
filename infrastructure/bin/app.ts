// The CDK entry point: `cdk synth` runs it (cdk.json) and it always synthesizes.
import { App } from 'aws-cdk-lib';
import { buildApp } from '../lib/build-app.ts';

const app = new App();
buildApp(app);
app.synth();
