/**
 * Where each child lives and has lived: the current placement in one of the
 * agency's homes (of the right type, within its license capacity and ages) or
 * elsewhere (a residential program, a partner agency's home, a trial home visit),
 * and the moves before it: emergency homes, step-ups, a hospital stay, a runaway
 * episode with a return to the same home.
 */
import type { Placement } from '../../src/model/case.js';
import { addDays, ageOn, dateBetween, daysBetween } from './dates.js';
import type { Child, Family } from './family.js';
import type { Home, HomeType } from './homes.js';
import type { Random } from './random.js';

type Setting = Placement['setting'];

const SETTING_OF: Readonly<Record<HomeType, Setting>> = {
  foster: 'foster_family_nonrelative',
  kinship: 'foster_family_relative',
  therapeutic_foster: 'therapeutic_foster',
  medically_complex: 'foster_family_nonrelative',
  pre_adoptive: 'pre_adoptive',
};

const RESIDENTIAL = [
  'Kentucky River Residential Program (QRTP)',
  'Bluegrass Youth Treatment Center (QRTP)',
  'Cumberland Valley Group Home',
  'Green River Boys and Girls Ranch (QRTP)',
];

interface Current {
  readonly setting: Setting;
  readonly home?: Home;
  readonly provider?: string;
  readonly county: string;
}

function fits(home: Home, children: readonly Child[], asOf: string): boolean {
  if (home.current.length + children.length > home.license.capacity) return false;
  return children.every((c) => {
    const age = ageOn(c.dob, asOf);
    return age >= home.license.ages.min && age <= home.license.ages.max;
  });
}

/** The kind of home a child needs now. */
function neededType(rng: Random, child: Child, asOf: string): HomeType | 'residential' | 'independent' {
  const age = ageOn(child.dob, asOf);
  const family = child.family;
  if (age >= 17 && rng.chance(0.12)) return 'independent';
  if (age >= 12 && rng.chance(family.reasons.includes('child_behavior') ? 0.5 : 0.08)) return 'residential';
  if (age >= 8 && rng.chance(family.reasons.includes('child_behavior') ? 0.5 : 0.16)) return 'therapeutic_foster';
  if (family.reasons.includes('child_disability') && rng.chance(0.6)) return 'medically_complex';
  if (family.tpr?.granted && age < 14 && rng.chance(0.6)) return 'pre_adoptive';
  return 'foster';
}

export function placeChildren(rng: Random, families: readonly Family[], homes: readonly Home[], asOf: string): void {
  const byType = new Map<HomeType, Home[]>();
  for (const home of homes) byType.set(home.type, [...(byType.get(home.type) ?? []), home]);
  const kinshipHome = new Map(homes.filter((h) => h.kinshipFamily).map((h) => [h.kinshipFamily!, h] as const));
  const fosterHomes = byType.get('foster') ?? [];

  const findHome = (type: HomeType, group: readonly Child[]): Home | undefined => {
    const candidates = (byType.get(type) ?? []).filter((h) => fits(h, group, asOf));
    return candidates.length ? rng.pick(candidates) : undefined;
  };
  const occupy = (home: Home, group: readonly Child[]) => home.current.push(...group.map((c) => ({ id: c.id, dob: c.dob })));

  for (const family of rng.shuffle(families)) {
    const frng = rng.fork(`placement-${family.index}`);
    const elsewhere = frng.pick(['Fayette', 'Madison', 'Jessamine', 'Clark', family.county.name]);
    if (family.trialHomeVisit) {
      for (const child of family.children) child.placements = history(frng, child, { setting: 'trial_home_visit', provider: `${family.mother ? "Mother's" : "Father's"} home (trial home visit)`, county: family.county.name }, fosterHomes, asOf);
      continue;
    }
    const kin = kinshipHome.get(family);
    if (kin) {
      occupy(kin, family.children);
      for (const child of family.children) child.placements = history(frng, child, { setting: 'foster_family_relative', home: kin, county: kin.county.name }, fosterHomes, asOf);
      continue;
    }
    if (family.kinship) {
      const relative = family.relative;
      for (const child of family.children) child.placements = history(frng, child, { setting: 'foster_family_relative', provider: `Approved relative home (${relative.relationship})`, county: family.county.name }, fosterHomes, asOf);
      continue;
    }
    // Brothers and sisters who need the same kind of home stay together where one has room.
    const groups = new Map<HomeType | 'residential' | 'independent', Child[]>();
    for (const child of family.children) {
      const type = neededType(frng, child, asOf);
      groups.set(type, [...(groups.get(type) ?? []), child]);
    }
    for (const [type, group] of groups) {
      if (type === 'residential' || type === 'independent') {
        for (const child of group) {
          const current: Current = type === 'residential'
            ? { setting: frng.chance(0.8) ? 'group_home' : 'institution', provider: frng.pick(RESIDENTIAL), county: frng.pick(['Clark', 'Franklin', 'Perry', 'Warren']) }
            : { setting: 'supervised_independent_living', provider: 'Bluegrass Transitions supervised apartments', county: 'Fayette' };
          child.placements = history(frng, child, current, fosterHomes, asOf);
        }
        continue;
      }
      const together = findHome(type, group) ?? (type !== 'foster' ? findHome('foster', group) : undefined);
      const parts: Child[][] = together ? [group] : group.map((c) => [c]);
      for (const part of parts) {
        const home = together ?? findHome(type, part) ?? findHome('foster', part);
        let current: Current;
        if (home) {
          occupy(home, part);
          current = { setting: SETTING_OF[home.type], home, county: home.county.name };
        } else {
          current = { setting: type === 'therapeutic_foster' ? 'therapeutic_foster' : 'foster_family_nonrelative', provider: `Partner agency foster home (${elsewhere} County)`, county: elsewhere };
        }
        const shared = history(frng, part[0]!, current, fosterHomes, asOf);
        for (const child of part) child.placements = shared.map((p) => ({ ...p }));
      }
    }
  }
}

const MOVE_REASONS: readonly string[] = [
  'Moved to a home that could take the brothers and sisters together.',
  'The foster parents asked for the child to be moved after repeated conflict with another child in the home.',
  'Foster parent retired from fostering for health reasons; planned move with pre-placement visits.',
  'Stepped up to a higher level of care on the treatment team\'s recommendation.',
  'Moved closer to the parents and the home school to support family time and school stability.',
  'Emergency placement ended when a longer-term home was found.',
  'Stepped down to a family setting after completing residential treatment.',
];

/**
 * The placements from the removal to now, ending in `current`. Earlier moves
 * are an emergency home, another agency home or a residential stay; teenagers
 * sometimes have a runaway episode and return to the same home.
 */
function history(rng: Random, child: Child, current: Current, fosterHomes: readonly Home[], asOf: string): Placement[] {
  const family = child.family;
  const removal = family.removal;
  const daysInCare = daysBetween(removal, asOf);
  const age = ageOn(child.dob, asOf);
  const segment = (start: string, end: string | undefined, where: Current, reason?: string): Placement => ({
    start,
    ...(end ? { end } : {}),
    setting: where.setting,
    ...(where.home ? { home: where.home.id } : {}),
    ...(where.provider ? { provider: where.provider } : {}),
    county: where.county,
    ...(reason ? { reason_for_change: reason } : {}),
  });
  const earlier: Current[] = [];
  if (rng.chance(0.35)) earlier.push({ setting: 'foster_family_nonrelative', provider: `DCBS emergency foster home (${family.county.name} County)`, county: family.county.name });
  if (daysInCare > 200 && rng.chance(0.35) && fosterHomes.length) {
    const home = rng.pick(fosterHomes);
    if (home !== current.home) earlier.push({ setting: 'foster_family_nonrelative', home, county: home.county.name });
  }
  if (current.setting === 'trial_home_visit' && !earlier.some((e) => e.home)) {
    const home = fosterHomes.length ? rng.pick(fosterHomes) : undefined;
    earlier.push(home ? { setting: 'foster_family_nonrelative', home, county: home.county.name } : { setting: 'foster_family_nonrelative', provider: `Partner agency foster home (${family.county.name} County)`, county: family.county.name });
  }
  if (age >= 12 && daysInCare > 300 && rng.chance(0.12)) earlier.push({ setting: 'hospital', provider: 'Bluegrass Behavioral Hospital (acute inpatient unit)', county: 'Fayette' });

  // Boundaries: the current placement starts at least a few weeks before the as-of date.
  const latestStart = current.setting === 'trial_home_visit' ? addDays(asOf, -rng.int(20, 120)) : addDays(asOf, -14);
  const starts = [removal];
  let cursor = removal;
  for (let i = 0; i < earlier.length; i++) {
    const remaining = daysBetween(cursor, latestStart);
    if (remaining < 6) break;
    const length = earlier[i]!.setting === 'hospital' ? rng.int(5, 16) : earlier[i]!.provider?.startsWith('DCBS') ? rng.int(3, 21) : rng.int(30, Math.max(31, remaining - 5));
    cursor = addDays(cursor, Math.min(length, remaining - 3));
    starts.push(cursor);
  }
  const used = earlier.slice(0, starts.length - 1);
  const placements: Placement[] = used.map((where, i) => {
    const next = i + 1 < used.length ? used[i + 1]! : current;
    const reason = where.setting === 'hospital'
      ? 'Discharged on the treatment team\'s recommendation.'
      : next.setting === 'trial_home_visit'
        ? 'Trial home visit with the parent approved by the court.'
        : next.setting === 'hospital'
          ? 'Hospitalized after disclosing thoughts of self-harm.'
          : next.setting === 'foster_family_relative'
            ? `Moved to the ${family.relative.relationship} after the relative home evaluation was approved.`
            : rng.pick(MOVE_REASONS);
    return segment(starts[i]!, starts[i + 1]!, where, reason);
  });
  const start = starts[starts.length - 1]!;
  // A runaway episode: the youth leaves the home and comes back to the same one.
  const sinceStart = daysBetween(start, asOf);
  if (age >= 13 && current.home && sinceStart > 90 && rng.chance(0.15)) {
    const left = dateBetween(rng, addDays(start, 30), addDays(asOf, -40));
    const back = addDays(left, rng.int(1, 9));
    placements.push(segment(start, left, current, 'Left the foster home without permission (runaway).'));
    placements.push(segment(left, back, { setting: 'runaway', county: family.county.name }, 'Located by police and returned to the same foster home.'));
    placements.push(segment(back, undefined, current));
  } else {
    placements.push(segment(start, undefined, current));
  }
  return placements;
}

/** The home a child lives in now, when it is one of the agency's. */
export function currentHome(child: Child): string | undefined {
  return child.placements[child.placements.length - 1]?.home ?? undefined;
}
