import * as cdk from "./cdktn.js";
import { named, output, variable } from "./common.js";

type Stack = cdk.TerraformStack;

/** Where the Browser writes session recordings inside the bucket. */
export const RECORDING_PREFIX = "browser-recordings/";

/**
 * The bucket of the Browser's session recordings: encrypted, never public, TLS only, and emptied
 * by age. It is not force-destroyed: destroying the runtime layer stops at a bucket that still
 * holds recordings instead of deleting them.
 */
export function recordingBucket(stack: Stack): { bucket: cdk.S3Bucket; writeStatements: cdk.DataAwsIamPolicyDocumentStatement[] } {
  variable(stack, "recording_retention_days", {
    type: "number",
    description: "Days a Browser session recording is kept before S3 deletes it.",
    default: 30,
    validation: { condition: "${var.recording_retention_days >= 1 && floor(var.recording_retention_days) == var.recording_retention_days}", errorMessage: "recording_retention_days must be a whole number of days, 1 or more." },
  });
  // Bucket names are lower case with hyphens; the account and region make this one unique and findable.
  const bucket = named(
    new cdk.S3Bucket(stack, "aws_s3_bucket.recordings", { bucket: '${substr(join("-", compact(split("_", lower(var.name)))), 0, 20)}-rec-${local.account_id}-${var.region}', forceDestroy: false }),
    "recordings",
  );
  const publicAccess = named(
    new cdk.S3BucketPublicAccessBlock(stack, "aws_s3_bucket_public_access_block.recordings", { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }),
    "recordings",
  );
  named(
    new cdk.S3BucketServerSideEncryptionConfiguration(stack, "aws_s3_bucket_server_side_encryption_configuration.recordings", {
      bucket: bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    }),
    "recordings",
  );
  named(
    new cdk.S3BucketLifecycleConfiguration(stack, "aws_s3_bucket_lifecycle_configuration.recordings", {
      bucket: bucket.id,
      rule: [
        {
          id: "expire-recordings",
          status: "Enabled",
          filter: [{ prefix: RECORDING_PREFIX }],
          expiration: [{ days: cdk.Token.asNumber("${var.recording_retention_days}") }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }],
        },
      ],
    }),
    "recordings",
  );
  const tlsOnly = named(
    new cdk.DataAwsIamPolicyDocument(stack, "data.aws_iam_policy_document.recordings_bucket", {
      statement: [
        {
          sid: "TlsOnly",
          effect: "Deny",
          principals: [{ type: "*", identifiers: ["*"] }],
          actions: ["s3:*"],
          resources: [bucket.arn, `${bucket.arn}/*`],
          condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
        },
      ],
    }),
    "recordings_bucket",
  );
  // The public access block first: a bucket policy put while it is being applied can be refused.
  named(new cdk.S3BucketPolicy(stack, "aws_s3_bucket_policy.recordings", { bucket: bucket.id, policy: tlsOnly.json, dependsOn: [publicAccess] }), "recordings");
  output(stack, "recording_bucket", "S3 bucket of the Browser's session recordings (under browser-recordings/).", bucket.bucket);
  return {
    bucket,
    // What the Browser's role needs to write a recording (agentcore-facts §5).
    writeStatements: [
      { sid: "WriteRecordings", actions: ["s3:PutObject", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload"], resources: [`${bucket.arn}/${RECORDING_PREFIX}*`] },
    ],
  };
}
