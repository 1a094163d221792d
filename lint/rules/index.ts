import conditionCycle from './condition-cycle';
import conditionUnknown from './condition-unknown';
import conditionUnsubstitutedVariable from './condition-unsubstituted-variable';
import functionArguments from './function-arguments';
import functionUnknown from './function-unknown';
import outputDefinition from './output-definition';
import parameterAssociationProperty from './parameter-association-property';
import parameterDefault from './parameter-default';
import parameterDefinition from './parameter-definition';
import parameterMetadataReference from './parameter-metadata-reference';
import propertyAllowedValues from './property-allowed-values';
import propertyLength from './property-length';
import propertyPattern from './property-pattern';
import propertyRange from './property-range';
import propertyRequired from './property-required';
import propertyType from './property-type';
import propertyUnknown from './property-unknown';
import refFindInMap from './ref-find-in-map';
import refGetatt from './ref-getatt';
import refGetattNestedStack from './ref-getatt-nested-stack';
import refLocalsCycle from './ref-locals-cycle';
import refSubVariable from './ref-sub-variable';
import refUnknownTarget from './ref-unknown-target';
import resourceCountNameConflict from './resource-count-name-conflict';
import resourceDefinition from './resource-definition';
import resourceDependencyCycle from './resource-dependency-cycle';
import resourceDependsOn from './resource-depends-on';
import resourceNoSchema from './resource-no-schema';
import type { Rule } from './rule';
import ruleError from './rule-error';
import templateDuplicateKey from './template-duplicate-key';
import templateDuplicateName from './template-duplicate-name';
import templateEmptyKey from './template-empty-key';
import templateFormatVersion from './template-format-version';
import templateParseError from './template-parse-error';
import templatePlaceholder from './template-placeholder';
import templateRulesAssertion from './template-rules-assertion';
import templateSuppression from './template-suppression';
import templateUnknownSection from './template-unknown-section';
import updateLogicalIdRenamed from './update-logical-id-renamed';
import updateNotAllowed from './update-not-allowed';
import updateParameterDefaultChanged from './update-parameter-default-changed';
import updateTypeChanged from './update-type-changed';

/** Every rule, sorted by id. The catalogue (README.md, `ros-sso rules`) is generated from this list. */
export const allRules: readonly Rule[] = [
  conditionCycle,
  conditionUnknown,
  conditionUnsubstitutedVariable,
  functionArguments,
  functionUnknown,
  outputDefinition,
  parameterAssociationProperty,
  parameterDefault,
  parameterDefinition,
  parameterMetadataReference,
  propertyAllowedValues,
  propertyLength,
  propertyPattern,
  propertyRange,
  propertyRequired,
  propertyType,
  propertyUnknown,
  refFindInMap,
  refGetatt,
  refGetattNestedStack,
  refLocalsCycle,
  refSubVariable,
  refUnknownTarget,
  resourceCountNameConflict,
  resourceDefinition,
  resourceDependencyCycle,
  resourceDependsOn,
  resourceNoSchema,
  ruleError,
  templateDuplicateKey,
  templateDuplicateName,
  templateEmptyKey,
  templateFormatVersion,
  templateParseError,
  templatePlaceholder,
  templateRulesAssertion,
  templateSuppression,
  templateUnknownSection,
  updateLogicalIdRenamed,
  updateNotAllowed,
  updateParameterDefaultChanged,
  updateTypeChanged,
];
