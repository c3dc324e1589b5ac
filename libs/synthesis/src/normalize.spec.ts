import { canonicalSyllable, normalizeText, stripLeadingMarkers } from './normalize';
import { convertLegacy, detectLegacyEncoding } from './legacy-encoding';

describe('normalizeText', () => {
  it('makes NFC and NFD input equal', () => {
    const text = 'Đề nghị bổ sung nội dung về chuyển đổi số';
    expect(text.normalize('NFD')).not.toBe(text);
    expect(normalizeText(text.normalize('NFD'))).toBe(normalizeText(text));
  });

  it.each([
    ['hoà', 'hòa'],
    ['thuỷ', 'thủy'],
    ['khoẻ', 'khỏe'],
    ['oà', 'òa'],
    ['uý', 'úy'],
    ['Uỷ ban', 'Ủy ban'],
    ['hoá', 'hóa'],
    ['ma tuý', 'ma túy'],
    ['loà', 'lòa'],
  ])('places the tone of %s as in %s', (variant, canonical) => {
    expect(normalizeText(variant)).toBe(normalizeText(canonical));
  });

  it('keeps the tone where both habits agree', () => {
    for (const word of ['hoàn', 'quý', 'quá', 'giữ', 'gìn', 'người', 'được', 'thuyền', 'khuỷu', 'ngoài', 'xoáy', 'mùa', 'núi', 'hoặc', 'tuấn']) {
      expect(canonicalSyllable(word)).toBe(word);
    }
  });

  it('lower-cases, folds whitespace and drops punctuation', () => {
    expect(normalizeText('  Đề nghị   BỔ SUNG:\t"chuyển đổi số"!  ')).toBe('đề nghị bổ sung chuyển đổi số');
  });

  it('keeps đ distinct from d', () => {
    expect(normalizeText('đảng')).not.toBe(normalizeText('dảng'));
  });

  it('keeps numbers with Vietnamese separators', () => {
    expect(normalizeText('tăng trưởng 7–7,5%/năm')).toBe('tăng trưởng 7 7,5% năm');
  });

  it.each(['- ', '• ', '+ ', '1. ', '2) ', 'a) ', 'II. ', '(3) ', '1.2. ', '- 1. ', '* '])('removes the leading marker %j', (marker) => {
    expect(normalizeText(`${marker}Bổ sung nội dung`)).toBe('bổ sung nội dung');
  });

  it('does not take a leading number for numbering', () => {
    expect(stripLeadingMarkers('7,5% là phù hợp')).toBe('7,5% là phù hợp');
    expect(stripLeadingMarkers('2030 là mốc')).toBe('2030 là mốc');
  });
});

describe('legacy encodings', () => {
  const words: Array<[string, string, string]> = [
    // [Unicode, TCVN3 read as Latin-1, VNI read as Windows-1252]
    ['Đảng', '§¶ng', 'Ñaûng'],
    ['Nghị quyết', 'NghÞ quyÕt', 'Nghò quyeát'],
    ['phát triển', 'ph¸t triÓn', 'phaùt trieån'],
    ['kinh tế', 'kinh tÕ', 'kinh teá'],
    ['xã hội', 'x· héi', 'xaõ hoäi'],
    ['thủy lợi', 'thñy lîi', 'thuûy lôïi'],
    ['hoà bình', 'hoµ b×nh', 'hoaø bình'],
    ['Mặt trận Tổ quốc', 'MÆt trËn Tæ quèc', 'Maët traän Toå quoác'],
    ['ủy ban nhân dân', 'ñy ban nh©n d©n', 'uûy ban nhaân daân'],
    ['người dân được hưởng lợi', 'ng­êi d©n ®­îc h­ëng lîi', 'ngöôøi daân ñöôïc höôûng lôïi'],
  ];

  it.each(words)('converts TCVN3 for %s', (unicode, tcvn3) => {
    const sentence = `${tcvn3} vµ ph¸t triÓn kinh tÕ x· héi`;
    expect(detectLegacyEncoding(sentence)).toBe('tcvn3');
    expect(convertLegacy(sentence)).toBe(`${unicode} và phát triển kinh tế xã hội`.normalize('NFC'));
  });

  it.each(words)('converts VNI for %s', (unicode, _tcvn3, vni) => {
    const sentence = `${vni} vaø phaùt trieån kinh teá xaõ hoäi`;
    expect(detectLegacyEncoding(sentence)).toBe('vni');
    expect(convertLegacy(sentence)).toBe(`${unicode} và phát triển kinh tế xã hội`.normalize('NFC'));
  });

  it('converts VNI upper case', () => {
    expect(convertLegacy('UÛY BAN MAËT TRAÄN TOÅ QUOÁC')).toBe('ỦY BAN MẶT TRẬN TỔ QUỐC');
  });

  it('detects the short examples', () => {
    expect(convertLegacy('§¶ng')).toBe('Đảng');
    expect(convertLegacy('Ñaûng')).toBe('Đảng');
    expect(convertLegacy('NghÞ quyÕt §¹i héi §¶ng')).toBe('Nghị quyết Đại hội Đảng');
    expect(convertLegacy('Nghò quyeát Ñaïi hoäi Ñaûng')).toBe('Nghị quyết Đại hội Đảng');
  });

  it('normalises legacy text like its Unicode twin', () => {
    expect(normalizeText('§Ò nghÞ bæ sung néi dung vÒ chuyÓn ®æi sè')).toBe(normalizeText('Đề nghị bổ sung nội dung về chuyển đổi số'));
    expect(normalizeText('Ñeà nghò boå sung noäi dung veà chuyeån ñoåi soá')).toBe(normalizeText('Đề nghị bổ sung nội dung về chuyển đổi số'));
  });

  it.each([
    'Đề nghị bổ sung nội dung về chuyển đổi số',
    'Tán thành như dự thảo, hoà bình, thuỷ lợi, khoẻ mạnh, uý lạo, hoá học',
    'Giữ nguyên chỉ tiêu tăng trưởng 7–7,5%/năm',
    'Xuân về trên quê hương, thuê nhà, yêu nước, người dân, hoàng hôn',
    'The committee agreed with the draft resolution.',
    'Müller über Größe, naïve café, España mañana',
    'Ông José Martínez góp ý về chương trình',
    '',
  ])('leaves %j alone', (text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
    expect(convertLegacy(text)).toBe(text);
  });
});
