/**
 * People's names from the languages a Kentucky agency's families speak, written
 * as each person writes them (diacritics, apostrophes, hyphens, name order).
 *
 * Three surname pools never share a word, so a court copy's scan for withheld
 * foster-family surnames (case-format.md, Audiences) only finds what it should:
 * - family names: birth families and the relatives who take kinship placements;
 * - foster names: non-relative foster families (withheld from every court copy);
 * - professional names: judges, attorneys, doctors, teachers, therapists, staff.
 * None of them is an English word or a place the generator uses.
 */
import type { Random } from './random.js';

export const LANGUAGES = ['english', 'spanish', 'vietnamese', 'arabic', 'somali', 'polish', 'navajo', 'chinese'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Sex = 'male' | 'female';

/** How the language is named in `languages:`, and whether parents commonly need an interpreter. */
export const SPOKEN: Readonly<Record<Language, { name: string; interpreter: number }>> = {
  english: { name: 'English', interpreter: 0 },
  spanish: { name: 'Spanish', interpreter: 0.6 },
  vietnamese: { name: 'Vietnamese', interpreter: 0.7 },
  arabic: { name: 'Arabic', interpreter: 0.6 },
  somali: { name: 'Somali', interpreter: 0.7 },
  polish: { name: 'Polish', interpreter: 0.4 },
  navajo: { name: 'Navajo', interpreter: 0.1 },
  chinese: { name: 'Mandarin', interpreter: 0.6 },
};

const GIVEN: Readonly<Record<Language, Readonly<Record<Sex, readonly string[]>>>> = {
  english: {
    female: ['Zoë', 'Aaliyah', 'Brianna', 'Kaylee', 'Destiny', 'Hannah', 'Madison', 'Emma', 'Abigail', 'Chloe', 'Savannah', 'Jasmine', 'Makayla', 'Trinity', 'Harper', 'Ava', 'Lillian', 'Nevaeh', 'Shannon', 'Keisha', 'Amber', 'Crystal', 'Tiffany', 'Brittany', 'Heather', 'Latoya', 'Misty', 'Ashley', 'Renée', 'Maggie'],
    male: ['Kaden', 'Jayden', 'Liam', 'Elijah', 'Mason', 'Caleb', 'Bentley', 'Hunter', 'Colton', 'Dakota', 'Jamal', 'DeShawn', 'Tyrese', 'Brayden', 'Wyatt', 'Landon', 'Gavin', 'Isaiah', 'Malik', 'Cody', 'Travis', 'Dustin', 'Terrence', 'Patrick', 'Jerome', 'Darnell', 'Shane', 'Bobby', 'Ricky', 'Jesse'],
  },
  spanish: {
    female: ['María', 'Ana Sofía', 'Guadalupe', 'Ximena', 'Valentina', 'Camila', 'Lucía', 'Yesenia', 'Marisol', 'Itzel', 'Daniela', 'Araceli', 'Rocío', 'Belén', 'Mónica', 'Inés', 'María Elena', 'Leticia'],
    male: ['José Luis', 'Juan Carlos', 'Mateo', 'Santiago', 'Diego', 'Ángel', 'Jesús', 'Alejandro', 'Emiliano', 'Joaquín', 'Andrés', 'Rubén', 'Héctor', 'Luis Alberto', 'Iván', 'Sebastián', 'Óscar', 'Ramón'],
  },
  vietnamese: {
    female: ['Lan', 'Linh', 'Ngọc', 'Thảo', 'Hương', 'Mai', 'Trang', 'Phương', 'Hạnh', 'Yến', 'Thủy', 'Vy'],
    male: ['Minh', 'Khoa', 'Tuấn', 'Huy', 'Dũng', 'Bảo', 'Đạt', 'Phúc', 'Quân', 'Thành', 'Hùng', 'Khánh'],
  },
  arabic: {
    female: ['Layla', 'Fatima', 'Amira', 'Noor', 'Yasmin', 'Mariam', 'Rania', 'Huda', 'Salma', 'Zainab', 'Hiba', 'Aisha'],
    male: ['Yusuf', 'Omar', 'Khalid', 'Karim', 'Tariq', 'Samir', 'Bilal', 'Hamza', 'Ibrahim', 'Mahmoud', 'Adnan', 'Ziad'],
  },
  somali: {
    female: ['Amina', 'Hodan', 'Sahra', 'Faadumo', 'Ifrah', 'Nasra', 'Ubah', 'Hibaaq', 'Ayaan', 'Deeqa', 'Khadra', 'Sagal'],
    male: ['Abdi', 'Mahad', 'Liban', 'Cabdullahi', 'Xasan', 'Guuleed', 'Bashiir', 'Abdirahman', 'Mukhtar', 'Ilyaas', 'Sakariye', 'Daahir'],
  },
  polish: {
    female: ['Zofia', 'Małgorzata', 'Agnieszka', 'Katarzyna', 'Joanna', 'Łucja', 'Magdalena', 'Weronika', 'Zuzanna', 'Grażyna', 'Halina', 'Bożena'],
    male: ['Jakub', 'Wojciech', 'Łukasz', 'Krzysztof', 'Mikołaj', 'Bartosz', 'Paweł', 'Grzegorz', 'Tomasz', 'Michał', 'Piotr', 'Zbigniew'],
  },
  navajo: {
    female: ['Shándiin', 'Ahéíhí', 'Nizhóní', 'Kaya', 'Winona', 'Tayanita', 'Leotie', 'Doli', 'Sasha', 'Tiana', 'Janelle', 'Loretta'],
    male: ['Ahiga', 'Hastiin', 'Niyol', 'Kele', 'Delsin', 'Tahoma', 'Sani', 'Hosteen', 'Darrell', 'Cheyenne', 'Vernon', 'Nathaniel'],
  },
  chinese: {
    female: ['Xiaoyu', 'Meiling', 'Yating', 'Jiayi', 'Xinyi', 'Ruoxi', 'Lǜyi', 'Shuang', 'Yuqing', 'Huiwen', 'Qiuyue', 'Jingwen'],
    male: ['Haoran', 'Zihan', 'Junjie', 'Yuxuan', 'Zhiwei', 'Mingyu', 'Jiahao', 'Tianyi', 'Ruiqi', 'Bowen', 'Guangzhi', 'Xuanyi'],
  },
};

/** Birth families (and kinship relatives). Polish names come as masculine/feminine pairs. */
const FAMILY: Readonly<Record<Language, readonly (string | readonly [string, string])[]>> = {
  english: ["O'Brien", 'Caudill', 'Monroe', 'Stidham', 'Napier', 'Amburgey', 'Coffey', 'Mullins', 'Sizemore', 'Gabbard', 'Turpin', 'Hensel', 'Akers', 'Branham', "O'Neal", "McKinney", 'Pettit', 'Wooten', 'Tackett', 'Spurlock', 'Thacker', 'Ramsey-Colvin', 'Dotson', 'Sturgill', 'Gillespie', 'Kidwell', 'Raglin', 'Ledford', 'Slone', 'Wolford'],
  spanish: ['Núñez-García', 'García', 'Hernández', 'Martínez', 'López', 'Rodríguez', 'Gutiérrez', 'Sánchez', 'Ramírez', 'Domínguez', 'Velázquez', 'Ortiz', 'Jiménez', 'Castañeda', 'Muñoz', 'Ibáñez', 'Peña', 'Orozco'],
  vietnamese: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng', 'Bùi'],
  arabic: ['Al-Hashimi', 'Hassan', 'Saleh', 'Abdullah', 'Al-Amin', 'Darwish', 'Qasim', 'Haidar', 'El-Sayed', 'Jaber'],
  somali: ['Warsame', 'Hirsi', 'Jama', 'Egal', 'Mohamud', 'Abdulle', 'Dualeh', 'Nuur', 'Osman', 'Ismaaciil'],
  polish: [['Kowalski', 'Kowalska'], ['Wiśniewski', 'Wiśniewska'], 'Wójcik', ['Lewandowski', 'Lewandowska'], 'Kamińska', 'Dąbrowski', ['Kozłowski', 'Kozłowska'], 'Jankowiak', 'Mazur', ['Krawczyk', 'Krawczyk'], 'Szczepaniak'],
  navajo: ['Begay', 'Yazzie', 'Tsosie', 'Benally', 'Nez', 'Tso', 'Chee', 'Etsitty', 'Bitsui', 'Manygoats', 'Descheenie', 'Tsinajinnie'],
  chinese: ['Zhang', 'Wang', 'Liu', 'Chen', 'Huang', 'Zhao', 'Wu', 'Xu', 'Lǚ', 'Guo'],
};

/** Non-relative foster families: their surnames are withheld from every court copy. */
const FOSTER: Readonly<Record<Language, readonly (string | readonly [string, string])[]>> = {
  english: ['Whitcombe', 'Abernathy', 'Hargrove', 'Pemberton', 'Ashworth', 'Fairbairn', 'Kingsbury', 'Lockhart', 'Merriweather', 'Thornbury', 'Wakeley', 'Dunleavy', 'Hollister', 'Satterfield', 'Kimbrough', 'McAllister', "O'Donnell", "O'Sullivan", 'McCreary', 'Whitlock', 'Pennington', 'Gallagher', 'Culpepper', 'Dabney', 'Eubanks', 'Haverford', 'Ingersoll', 'Kettering', 'Mayberry', 'Northcutt', 'Prewitt', 'Quarles', 'Rutledge', 'Stubblefield', 'Tolliver', 'Vanmeter', 'Wetherby', 'Yarbrough', 'Garrard-Hume', 'Blanton'],
  spanish: ['Villarreal', 'Echeverría', 'Santillán', 'Arredondo', 'Benavides', 'Zamarripa', 'Quintanilla', 'Valenzuela', 'Ybarra', 'Olivárez', 'Treviño'],
  vietnamese: ['Phan', 'Vũ', 'Đỗ', 'Ngô', 'Dương'],
  arabic: ['Khoury', 'Haddad', 'Nassar', 'Mansour'],
  somali: ['Samatar', 'Gulaid'],
  polish: [['Zieliński', 'Zielińska'], ['Szymański', 'Szymańska'], 'Nowicki'],
  navajo: ['Yellowhorse', 'Bitsilly'],
  chinese: ['Xiang', 'Zhou', 'Qian', 'Deng'],
};

/** Judges, attorneys, doctors, teachers, therapists, advocates and staff. */
const PROFESSIONAL_GIVEN = ['Rebecca', 'James', 'Thomas', 'Linda', 'Amanda', 'Kristen', 'Aaron', 'Mary Beth', 'Stephanie', 'Jenna', 'Robert', 'Priya', 'Danielle', 'Marjorie', 'Colleen', 'Tamara', 'Kavita', 'Jordan', 'Marisol', 'Tyler', 'Lauren', 'Gregory', 'Angela', 'Hiroshi', 'Fernanda', 'Olusegun', 'Svetlana', 'Rahul', 'Mei', 'Kwame', 'Ingrid', 'Desmond', 'Beatriz', 'Nadia', 'Caroline', 'William', 'Heidi', 'Anton', 'Leah', 'Raymond'];
const PROFESSIONAL_SURNAMES = ['Lyle', 'Hargis', 'Whitaker', 'Ferrell', 'Sorrell', 'Greer', 'Cornett', 'Roark', 'Raman', 'Ellis', 'Ashcraft', 'Doe', 'Rivera', 'Brooks', 'Patel', 'Hensley', 'Tanaka', 'Okafor', 'Lindgren', 'Castellano', 'Mensah', 'Volkova', 'Iyer', 'Kimura', 'Adeyemi', 'Sorensen', 'Delacroix', 'Marchetti', 'Halvorsen', 'Bergstrom', 'Fontaine', 'Kowalczyk', 'Abramson', 'Moreau', 'Petrakis', 'Osei', 'Nakamura', 'Sandoval', 'Fairchild', 'Brennan', 'Lacombe', 'Ostrowski', 'Mbeki', 'Rasmussen', 'Quiñones', 'Takahashi', 'Villanueva', 'Oyelaran', 'Haugen', 'Pruitt', 'Kessler', 'Lowry', 'Emmons', 'Delaney', 'Calloway', 'Moody', 'Byrne', 'Hale', 'Reed', 'Bell'];

export interface Surname {
  readonly language: Language;
  /** As each sex writes it (Polish surnames differ, most do not). */
  readonly male: string;
  readonly female: string;
}

function surname(language: Language, entry: string | readonly [string, string]): Surname {
  return typeof entry === 'string' ? { language, male: entry, female: entry } : { language, male: entry[0], female: entry[1] };
}

export function familySurname(rng: Random, language: Language): Surname {
  return surname(language, rng.pick(FAMILY[language]));
}

export function fosterSurname(rng: Random, language: Language): Surname {
  return surname(language, rng.pick(FOSTER[language]));
}

export function givenName(rng: Random, language: Language, sex: Sex): string {
  return rng.pick(GIVEN[language][sex]);
}

const VIETNAMESE_MIDDLE: Readonly<Record<Sex, readonly string[]>> = { female: ['Thị', 'Ngọc', 'Thu', 'Kim'], male: ['Văn', 'Minh', 'Đức', 'Quang'] };
const ENGLISH_MIDDLE: Readonly<Record<Sex, readonly string[]>> = { female: ['Marie', 'Lynn', 'Grace', 'Nicole', 'Dawn'], male: ['Ray', 'Allen', 'James', 'Lee', 'Wayne'] };

/**
 * A full name as the person writes it. Vietnamese names put the family name
 * first; Somali names are given name, father's and grandfather's names
 * (`lineage` holds the latter two for a family); the rest put it last.
 */
export function fullName(rng: Random, family: Surname, sex: Sex, given = givenName(rng, family.language, sex), lineage?: string): string {
  const last = sex === 'female' ? family.female : family.male;
  switch (family.language) {
    case 'vietnamese':
      return `${last} ${rng.pick(VIETNAMESE_MIDDLE[sex])} ${given}`;
    case 'somali':
      return `${given} ${lineage ?? `${givenName(rng, 'somali', 'male')} ${last}`}`;
    case 'english':
      return rng.chance(0.3) && !given.includes(' ') ? `${given} ${rng.pick(ENGLISH_MIDDLE[sex])} ${last}` : `${given} ${last}`;
    default:
      return `${given} ${last}`;
  }
}

/** The given name a note would use for a person named `name` (family name first in Vietnamese). */
export function callName(name: string, language: Language): string {
  const words = name.split(' ');
  if (language === 'vietnamese') return words[words.length - 1]!;
  return words[0]!;
}

export function professionalName(rng: Random): string {
  return `${rng.pick(PROFESSIONAL_GIVEN)} ${rng.pick(PROFESSIONAL_SURNAMES)}`;
}

/** Every word of the family and foster surname pools, for tests that keep the pools apart. */
export function surnameWords(pool: 'family' | 'foster' | 'professional'): string[] {
  if (pool === 'professional') return [...PROFESSIONAL_SURNAMES, ...PROFESSIONAL_GIVEN].flatMap((n) => n.split(/[\s-]+/));
  const table = pool === 'family' ? FAMILY : FOSTER;
  return Object.values(table).flatMap((list) => list.flatMap((e) => (typeof e === 'string' ? [e] : [...e]))).flatMap((n) => n.split(/[\s-]+/));
}
