// The place-and-date line of a Party document ("Lai Châu, ngày 05 tháng 02 năm 2025"): the place
// is the locality the issuing committee is named after, the date as Vietnamese documents write it
// (a day below 10 and a month below 3 with a leading zero), on the calendar of Việt Nam.

/** What comes before a locality's name in an organisation's name, longest first. */
const ORGANIZATION_WORDS = ['ban chấp hành đảng bộ', 'ban thường vụ', 'đảng bộ', 'đảng ủy', 'đảng uỷ', 'chi bộ', 'tỉnh ủy', 'tỉnh uỷ', 'huyện ủy', 'huyện uỷ', 'thành ủy', 'thành uỷ'];
const LOCALITY_WORDS = ['thành phố', 'thị xã', 'thị trấn', 'tỉnh', 'huyện', 'quận', 'xã', 'phường', 'đặc khu'];

/**
 * "Đảng bộ tỉnh Lai Châu" → "Lai Châu"; "Đảng bộ huyện Tam Đường" → "Tam Đường". A name that
 * names no locality (a group, a committee of a ministry) is kept as it is.
 */
export function placeOfOrganization(name: string): string {
  let rest = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  const strip = (words: readonly string[]): boolean => {
    const lower = rest.toLocaleLowerCase('vi');
    const word = words.find((candidate) => lower.startsWith(`${candidate} `));
    if (word) rest = rest.slice(word.length + 1);
    return word !== undefined;
  };
  const named = strip(ORGANIZATION_WORDS);
  const located = strip(LOCALITY_WORDS);
  return named || located ? rest : name.normalize('NFC').trim();
}

const twoDigits = (value: number): string => String(value).padStart(2, '0');

/** "Lai Châu, ngày 05 tháng 02 năm 2025", the date taken on Việt Nam's calendar (UTC+7). */
export function placeAndDate(place: string, date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(date).map((part) => [part.type, part.value]),
  );
  const day = Number(parts.day);
  const month = Number(parts.month);
  return `${place}, ngày ${day < 10 ? twoDigits(day) : day} tháng ${month < 3 ? twoDigits(month) : month} năm ${parts.year}`;
}
