/**
 * The only module that imports CDK Terrain. Provider classes are imported per resource:
 * the provider package root costs seconds and hundreds of MB to load.
 */
export { Construct } from "constructs";
export { App } from "cdktn";
export { TerraformStack, TerraformVariable, TerraformOutput, TerraformLocal, TerraformIterator, Token } from "cdktn";
export { Tokenization, DefaultTokenResolver, StringConcat } from "cdktn";
export { TerraformElement, TerraformHclModule, TerraformResource } from "cdktn";

export { AwsProvider } from "@cdktn/provider-aws/lib/provider/index.js";
// network layer
export { Vpc } from "@cdktn/provider-aws/lib/vpc/index.js";
export { Subnet } from "@cdktn/provider-aws/lib/subnet/index.js";
export { RouteTable } from "@cdktn/provider-aws/lib/route-table/index.js";
export { RouteTableAssociation } from "@cdktn/provider-aws/lib/route-table-association/index.js";
export { Route } from "@cdktn/provider-aws/lib/route/index.js";
export { InternetGateway } from "@cdktn/provider-aws/lib/internet-gateway/index.js";
export { Eip } from "@cdktn/provider-aws/lib/eip/index.js";
export { NatGateway } from "@cdktn/provider-aws/lib/nat-gateway/index.js";
export { VpcEndpoint } from "@cdktn/provider-aws/lib/vpc-endpoint/index.js";
export { SecurityGroup } from "@cdktn/provider-aws/lib/security-group/index.js";
export { VpcSecurityGroupEgressRule } from "@cdktn/provider-aws/lib/vpc-security-group-egress-rule/index.js";
export type { VpcSecurityGroupEgressRuleConfig } from "@cdktn/provider-aws/lib/vpc-security-group-egress-rule/index.js";
export { VpcSecurityGroupIngressRule } from "@cdktn/provider-aws/lib/vpc-security-group-ingress-rule/index.js";
export { DataAwsAvailabilityZones } from "@cdktn/provider-aws/lib/data-aws-availability-zones/index.js";
export { DataAwsVpc } from "@cdktn/provider-aws/lib/data-aws-vpc/index.js";
export { DataAwsSubnet } from "@cdktn/provider-aws/lib/data-aws-subnet/index.js";
export { DataAwsSubnets } from "@cdktn/provider-aws/lib/data-aws-subnets/index.js";
export { DataAwsRouteTable } from "@cdktn/provider-aws/lib/data-aws-route-table/index.js";
export { DataAwsRouteTables } from "@cdktn/provider-aws/lib/data-aws-route-tables/index.js";
export { DataAwsSecurityGroup } from "@cdktn/provider-aws/lib/data-aws-security-group/index.js";
export { DataAwsSecurityGroups } from "@cdktn/provider-aws/lib/data-aws-security-groups/index.js";
export { DataAwsPrefixList } from "@cdktn/provider-aws/lib/data-aws-prefix-list/index.js";
export { DataAwsVpcEndpoint } from "@cdktn/provider-aws/lib/data-aws-vpc-endpoint/index.js";
export { DataAwsNetworkInterface } from "@cdktn/provider-aws/lib/data-aws-network-interface/index.js";
export { DataAwsNetworkInterfaces } from "@cdktn/provider-aws/lib/data-aws-network-interfaces/index.js";
export { DataAwsVpcSecurityGroupRule } from "@cdktn/provider-aws/lib/data-aws-vpc-security-group-rule/index.js";
export { DataAwsVpcSecurityGroupRules } from "@cdktn/provider-aws/lib/data-aws-vpc-security-group-rules/index.js";
export { KmsKey } from "@cdktn/provider-aws/lib/kms-key/index.js";
export { FlowLog } from "@cdktn/provider-aws/lib/flow-log/index.js";
// both layers
export { DataAwsCallerIdentity } from "@cdktn/provider-aws/lib/data-aws-caller-identity/index.js";
export { DataAwsPartition } from "@cdktn/provider-aws/lib/data-aws-partition/index.js";
export { DataAwsIamPolicyDocument } from "@cdktn/provider-aws/lib/data-aws-iam-policy-document/index.js";
export type { DataAwsIamPolicyDocumentStatement } from "@cdktn/provider-aws/lib/data-aws-iam-policy-document/index.js";
export { IamRole } from "@cdktn/provider-aws/lib/iam-role/index.js";
export { IamRolePolicy } from "@cdktn/provider-aws/lib/iam-role-policy/index.js";
export { CloudwatchLogGroup } from "@cdktn/provider-aws/lib/cloudwatch-log-group/index.js";
// runtime layer
export { IamServiceLinkedRole } from "@cdktn/provider-aws/lib/iam-service-linked-role/index.js";
export { BedrockagentcoreAgentRuntime } from "@cdktn/provider-aws/lib/bedrockagentcore-agent-runtime/index.js";
export { BedrockagentcoreMemory } from "@cdktn/provider-aws/lib/bedrockagentcore-memory/index.js";
export { BedrockagentcoreMemoryStrategy } from "@cdktn/provider-aws/lib/bedrockagentcore-memory-strategy/index.js";
export { CloudwatchLogDeliverySource } from "@cdktn/provider-aws/lib/cloudwatch-log-delivery-source/index.js";
export { CloudwatchLogDeliveryDestination } from "@cdktn/provider-aws/lib/cloudwatch-log-delivery-destination/index.js";
export type { CloudwatchLogDeliveryDestinationConfig } from "@cdktn/provider-aws/lib/cloudwatch-log-delivery-destination/index.js";
export { CloudwatchLogDelivery } from "@cdktn/provider-aws/lib/cloudwatch-log-delivery/index.js";
export { CloudwatchLogResourcePolicy } from "@cdktn/provider-aws/lib/cloudwatch-log-resource-policy/index.js";
export { XrayTraceSegmentDestination } from "@cdktn/provider-aws/lib/xray-trace-segment-destination/index.js";
export { BedrockagentcoreGateway } from "@cdktn/provider-aws/lib/bedrockagentcore-gateway/index.js";
export { BedrockagentcoreBrowser } from "@cdktn/provider-aws/lib/bedrockagentcore-browser/index.js";
export { BedrockagentcoreCodeInterpreter } from "@cdktn/provider-aws/lib/bedrockagentcore-code-interpreter/index.js";
export { S3Bucket } from "@cdktn/provider-aws/lib/s3-bucket/index.js";
export { S3BucketPublicAccessBlock } from "@cdktn/provider-aws/lib/s3-bucket-public-access-block/index.js";
export { S3BucketServerSideEncryptionConfigurationA as S3BucketServerSideEncryptionConfiguration } from "@cdktn/provider-aws/lib/s3-bucket-server-side-encryption-configuration/index.js";
export { S3BucketLifecycleConfiguration } from "@cdktn/provider-aws/lib/s3-bucket-lifecycle-configuration/index.js";
export { S3BucketPolicy } from "@cdktn/provider-aws/lib/s3-bucket-policy/index.js";
// data layer
export { DbSubnetGroup } from "@cdktn/provider-aws/lib/db-subnet-group/index.js";
export { DbInstance } from "@cdktn/provider-aws/lib/db-instance/index.js";
export { RdsCluster } from "@cdktn/provider-aws/lib/rds-cluster/index.js";
export { RdsClusterInstance } from "@cdktn/provider-aws/lib/rds-cluster-instance/index.js";
export { DataAwsDbInstance } from "@cdktn/provider-aws/lib/data-aws-db-instance/index.js";
export { DataAwsRdsCluster } from "@cdktn/provider-aws/lib/data-aws-rds-cluster/index.js";
