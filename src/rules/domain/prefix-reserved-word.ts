import { defineRule } from '../rule';
import { Severity } from '../types';
import { isKnown } from '../values';
import { DOMAIN_PREFIX_DOC, domainKind } from './domain-kind';

// Measured (pf-cognito-domain-reserved-word): "cdkpf-cognito-zz9x", and the same shape with "aws" or "amazon",
// fail; "cdkpf-awsome-zz9x" deploys (constraints D03). Only whole hyphen-separated words are flagged: whether a
// reserved word inside a longer word (e.g. "myaws") fails is unconfirmed.
const RESERVED_WORDS = ['aws', 'amazon', 'cognito'];

export const domainPrefixReservedWord = defineRule({
  id: 'domain-prefix-reserved-word',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolDomain',
  description: 'A domain prefix has none of the reserved words aws, amazon or cognito as a hyphen-separated word.',
  docUrl: DOMAIN_PREFIX_DOC,
  constraints: ['D03'],
  check: (domain) => {
    const prefix = domain.string('Domain');
    if (domainKind(domain) !== 'prefix' || !isKnown(prefix)) return [];
    const found = prefix.toLowerCase().split('-').filter((word) => RESERVED_WORDS.includes(word));
    if (found.length === 0) return [];
    return [{
      property: 'Domain',
      value: prefix,
      because: `it contains the reserved word${found.length > 1 ? 's' : ''} ${[...new Set(found)].join(', ')} (aws, amazon and cognito are reserved)`,
      fix: 'choose a prefix without these words',
    }];
  },
});
