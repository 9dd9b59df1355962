/**
 * The build's and `due`'s word on a rule value the built-in rule set marks
 * unverified: documents print the value with its citation and never the word
 * "unverified"; the agency is told once per run until it confirms the value
 * (agency.yaml `rules: confirmed:`) or sets its own.
 */
import { ruleOverrides, type Agency } from '../model/agency.js';
import { ruleSetFor, unverifiedRules } from '../compute/rule-sets.js';

/** One line per unverified value that `readers` (document types, or "due") use. */
export function unverifiedRuleLines(agency: Pick<Agency, 'state' | 'rules'>, readers: Iterable<string>): string[] {
  return unverifiedRules(ruleSetFor(agency), readers).map(
    (rule) =>
      `agency.yaml: the ${agency.state} rule set's ${rule.name} (${rule.citation}) is not verified against the regulation; check it, then list it under rules: confirmed: [${rule.name}]${
        // Only some rules take an agency's own value (model/agency.ts): the others can only be confirmed.
        rule.name in ruleOverrides.shape ? `, or set your own value under rules:` : ''
      }`,
  );
}
