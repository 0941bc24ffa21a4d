// The number formats of MariaDB's locale table (sql/sql_locale.cc) that FORMAT(x, d, locale)
// reads: the decimal point, the thousands separator ('' for none; bg_BG's is a NUL byte, as
// MariaDB 10.11 writes it) and whether digits group Indian style (3, then 2s). Read from MariaDB
// 10.11 itself (FORMAT(1234567890123.5, 1, name) for every name it knows). A name it does not
// know is en_US there, with a warning.

export interface NumberLocale {
  point: string;
  separator: string;
  indian?: boolean;
}

const EN: NumberLocale = { point: '.', separator: ',' };
const COMMA_DOT: NumberLocale = { point: ',', separator: '.' };
const COMMA_SPACE: NumberLocale = { point: ',', separator: ' ' };
const COMMA_NONE: NumberLocale = { point: ',', separator: '' };
const DOT_NONE: NumberLocale = { point: '.', separator: '' };
const INDIAN: NumberLocale = { point: '.', separator: ',', indian: true };

const BY_KIND: [NumberLocale, string][] = [
  [EN, 'en_US en_GB ja_JP ar_AE ar_BH ar_JO ar_SY gu_IN he_IL hi_IN ko_KR ms_MY th_TH ur_PK zh_CN zh_TW ar_DZ ar_EG ar_IN ar_IQ ar_KW ar_LB ar_LY ar_MA ar_OM ar_QA ar_SD ar_TN ar_YE en_AU en_CA en_NZ en_PH en_ZA en_ZW es_DO es_GT es_HN es_MX es_NI es_PA es_PE es_PR es_SV es_US zh_HK'],
  [COMMA_DOT, 'de_DE be_BY da_DK es_ES fo_FO hu_HU id_ID is_IS lt_LT mn_MN nb_NO ro_RO ru_UA sq_AL tr_TR uk_UA vi_VN de_BE de_LU es_AR es_BO es_CL es_CO es_EC es_PY es_UY es_VE no_NO'],
  [COMMA_SPACE, 'sv_SE cs_CZ et_EE fi_FI lv_LV mk_MK ru_RU sk_SK es_CR sv_FI ka_GE'],
  [COMMA_NONE, 'fr_FR ca_ES de_AT eu_ES gl_ES hr_HR nl_NL pl_PL pt_BR pt_PT sl_SI fr_BE fr_CA fr_CH fr_LU it_IT nl_BE el_GR'],
  [DOT_NONE, 'ar_SA sr_YU sr_RS'],
  [{ point: ',', separator: '\0' }, 'bg_BG'],
  [{ point: ',', separator: "'" }, 'it_CH rm_CH'],
  [{ point: '.', separator: "'" }, 'de_CH'],
  [INDIAN, 'ta_IN te_IN en_IN'],
];

const LOCALES = new Map<string, NumberLocale>(BY_KIND.flatMap(([locale, names]) => names.split(' ').map((n) => [n.toLowerCase(), locale] as [string, NumberLocale])));

/** A locale's number format by name (MariaDB matches names ignoring case); en_US for any other. */
export function numberLocale(name: string | null): NumberLocale {
  return (name === null ? undefined : LOCALES.get(name.toLowerCase())) ?? EN;
}
