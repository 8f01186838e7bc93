import { CLIENT_RULES } from './client';
import { DOMAIN_RULES } from './domain';
import { PROFILE_RULES } from './profile';
import { RESOURCE_SERVER_RULES } from './resource-server';
import { Rule } from './rule';
import { templateDuplicateKey } from './template/duplicate-key';

/** Every rule of the project. The constructs, the validation plugin and the CLI all run exactly this list. */
export const ALL_RULES: readonly Rule[] = [
  ...CLIENT_RULES, ...PROFILE_RULES, ...DOMAIN_RULES, ...RESOURCE_SERVER_RULES, templateDuplicateKey,
];

const ids = new Set<string>();
for (const rule of ALL_RULES) {
  if (ids.has(rule.id)) throw new Error(`duplicate rule id ${rule.id}`);
  ids.add(rule.id);
}
