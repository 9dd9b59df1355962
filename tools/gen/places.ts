/**
 * Where the agency's people live: central Kentucky counties with real city
 * names and ZIP codes, fictional street numbers, and 555 phone numbers. Every
 * street line and phone number is handed out once, so a value withheld from a
 * court copy (a foster home's street, its phone) never also belongs to someone
 * whose details the copy may print.
 */
import type { Random } from './random.js';

export interface County {
  readonly name: string;
  readonly cities: readonly (readonly [city: string, zip: string])[];
  readonly areaCode: string;
}

export const COUNTIES: readonly County[] = [
  { name: 'Fayette', areaCode: '859', cities: [['Lexington', '40502'], ['Lexington', '40505'], ['Lexington', '40508'], ['Lexington', '40511'], ['Lexington', '40517']] },
  { name: 'Jessamine', areaCode: '859', cities: [['Nicholasville', '40356'], ['Wilmore', '40390']] },
  { name: 'Madison', areaCode: '859', cities: [['Richmond', '40475'], ['Berea', '40403']] },
  { name: 'Clark', areaCode: '859', cities: [['Winchester', '40391']] },
  { name: 'Scott', areaCode: '502', cities: [['Georgetown', '40324']] },
  { name: 'Woodford', areaCode: '859', cities: [['Versailles', '40383'], ['Midway', '40347']] },
  { name: 'Bourbon', areaCode: '859', cities: [['Paris', '40361']] },
  { name: 'Boyle', areaCode: '859', cities: [['Danville', '40422']] },
  { name: 'Franklin', areaCode: '502', cities: [['Frankfort', '40601']] },
  { name: 'Jefferson', areaCode: '502', cities: [['Louisville', '40203'], ['Louisville', '40211'], ['Louisville', '40215'], ['Louisville', '40218']] },
  { name: 'Laurel', areaCode: '606', cities: [['London', '40741']] },
  { name: 'Perry', areaCode: '606', cities: [['Hazard', '41701']] },
  { name: 'Pulaski', areaCode: '606', cities: [['Somerset', '42501']] },
  { name: 'Warren', areaCode: '270', cities: [['Bowling Green', '42101'], ['Bowling Green', '42104']] },
];

const STREETS = [
  'Bryan Station Rd', 'Delmont Ct', 'Barnes Mill Rd', 'Keene Crossing Dr', 'Tates Creek Rd', 'Versailles Rd', 'Main St', 'Maple Ave',
  'Walnut St', 'Poplar Ridge Dr', 'Cedar Hollow Ln', 'Dogwood Trl', 'Redbud Ct', 'Sycamore Bend', 'Chestnut St', 'Willow Run',
  'Elm Fork Rd', 'Harrodsburg Rd', 'Old Frankfort Pike', 'Lexington Rd', 'Broadway', 'Second St', 'Third St', 'Spring St',
  'Meadowlark Dr', 'Cardinal Ln', 'Bluebird Way', 'Hickory Knoll', 'Stone Fence Ct', 'Millpond Rd', 'Creekside Dr', 'Limestone St',
];

/** Hands out addresses and phone numbers, each street line and number once. */
export class Directory {
  private nextHouse = 0;
  private readonly nextPhone = { home: 0, person: 0 };

  constructor(private readonly rng: Random) {}

  county(): County {
    return this.rng.pick(COUNTIES);
  }

  countyNamed(name: string): County {
    return COUNTIES.find((c) => c.name === name) ?? COUNTIES[0]!;
  }

  /** A street line no one else has: each street's house numbers count up in blocks of ten. */
  street(apartment = false): string {
    const n = this.nextHouse++;
    const number = 100 + Math.floor(n / STREETS.length) * 10 + this.rng.int(0, 9);
    const line = `${number} ${STREETS[n % STREETS.length]}`;
    return apartment ? `${line} Apt ${this.rng.int(1, 24)}` : line;
  }

  address(county: County, options: { apartment?: boolean; confidential?: boolean } = {}) {
    const [city, zip] = this.rng.pick(county.cities);
    return {
      street: this.street(options.apartment),
      city,
      state: 'KY',
      zip,
      county: county.name,
      ...(options.confidential === undefined ? {} : { confidential: options.confidential }),
    };
  }

  /**
   * "(859) 555-0187": the 555 exchange. Foster homes' numbers (withheld from
   * court copies) come from 0000-0999 and no one else gets one of those.
   */
  phone(county: County = COUNTIES[0]!, kind: 'home' | 'person' = 'person'): string {
    const n = this.nextPhone[kind]++;
    const line = kind === 'home' ? n % 1000 : 1000 + (n % 9000);
    return `(${county.areaCode}) 555-${String(line).padStart(4, '0')}`;
  }

  email(name: string, domain: string): string {
    const local = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z ]/g, '')
      .trim()
      .split(/\s+/);
    return `${local[0]![0]}${local[local.length - 1]}@${domain}`;
  }
}
