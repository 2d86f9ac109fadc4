#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "extract/reader.h"

namespace policykg {
namespace {

using ::testing::HasSubstr;

// Encodes UTF-8 text into `charset` with ICU (the fixtures of these tests).
std::string Encode(const std::string& utf8, const char* charset) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset, &status);
  EXPECT_TRUE(U_SUCCESS(status)) << charset;
  std::string out(static_cast<size_t>(u.length()) * 4 + 8, '\0');
  const int32_t n = ucnv_fromUChars(conv, out.data(), static_cast<int32_t>(out.size()),
                                    u.getBuffer(), u.length(), &status);
  ucnv_close(conv);
  EXPECT_TRUE(U_SUCCESS(status)) << charset;
  out.resize(static_cast<size_t>(n));
  return out;
}

const std::string kText =
    "南昌市科技局关于印发《南昌市科技创新券管理办法》的通知\n"
    "各县(区)科技局:2025年实施“百企研发”计划。\n";

TEST(DecodeBytes, PlainUtf8) {
  auto r = DecodeBytes(kText);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->utf8, kText);
  EXPECT_EQ(r->encoding, "UTF-8");
}

TEST(DecodeBytes, Utf8BomIsRemoved) {
  auto r = DecodeBytes("\xEF\xBB\xBF" + kText);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->utf8, kText);
  EXPECT_EQ(r->encoding, "UTF-8");
}

TEST(DecodeBytes, Gbk) {
  const std::string gbk = Encode(kText, "GBK");
  ASSERT_NE(gbk, kText);
  auto r = DecodeBytes(gbk);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->utf8, kText);
  EXPECT_EQ(r->encoding, "GB18030");
}

TEST(DecodeBytes, GbkFromIconvBytes) {
  // "科技局" in GBK, as iconv -t GBK writes it.
  auto r = DecodeBytes("\xBF\xC6\xBC\xBC\xBE\xD6\n");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->utf8, "科技局\n");
}

TEST(DecodeBytes, Gb18030FourByteCharacters) {
  // U+20BB7 (𠮷) and U+3400 (㐀) need GB18030's four-byte sequences.
  const std::string text = "吉字异体𠮷与扩展区㐀字,以及欧元符号€。\n";
  const std::string gb = Encode(text, "GB18030");
  ASSERT_NE(gb.find("\x95\x34\xB2\x35"), std::string::npos);  // 𠮷 in GB18030
  auto r = DecodeBytes(gb);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->utf8, text);
}

TEST(DecodeBytes, Utf16LittleEndianWithBom) {
  auto r = DecodeBytes(Encode("\xEF\xBB\xBF" + kText, "UTF-16LE"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->utf8, kText);
  EXPECT_EQ(r->encoding, "UTF-16LE");
}

TEST(DecodeBytes, Utf16BigEndianWithBom) {
  auto r = DecodeBytes(Encode("\xEF\xBB\xBF" + kText, "UTF-16BE"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->utf8, kText);
  EXPECT_EQ(r->encoding, "UTF-16BE");
}

TEST(DecodeBytes, Utf16WithoutBomByNulPattern) {
  auto le = DecodeBytes(Encode(kText, "UTF-16LE"));
  ASSERT_TRUE(le.ok()) << le.status().message();
  EXPECT_EQ(le->utf8, kText);
  EXPECT_EQ(le->encoding, "UTF-16LE");
  auto be = DecodeBytes(Encode(kText, "UTF-16BE"));
  ASSERT_TRUE(be.ok()) << be.status().message();
  EXPECT_EQ(be->utf8, kText);
  EXPECT_EQ(be->encoding, "UTF-16BE");
}

TEST(DecodeBytes, OddLengthUtf16IsRejected) {
  std::string bytes = Encode("\xEF\xBB\xBF" "科技", "UTF-16LE");
  bytes += 'x';
  auto r = DecodeBytes(bytes);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kBadInput);
  EXPECT_THAT(r.status().message(), HasSubstr("byte 6"));
}

TEST(DecodeBytes, HtmlDeclaredCharsetIsHonoured) {
  const std::string page = "<html><head><meta charset=\"gb2312\"><title>通知</title></head>"
                           "<body><p>赣州市科技局</p></body></html>";
  auto r = DecodeBytes(Encode(page, "GBK"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->utf8, page);
  EXPECT_EQ(r->encoding, "GB18030");

  const std::string http_equiv =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\">"
      "</head><body><p>臺北市政府科技局</p></body></html>";
  auto b = DecodeBytes(Encode(http_equiv, "Big5"));
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_EQ(b->utf8, http_equiv);
  EXPECT_EQ(b->encoding, "Big5");
}

TEST(DecodeBytes, Big5ByTheDetectorsHint) {
  // Traditional text in Big5 also passes strict GB18030 as nonsense; the
  // detector tells them apart.
  const std::string text =
      "肇慶市端州區科學技術局關於組織申報年度區級科技計劃項目的通知。各有關單位:為貫徹落實"
      "促進科技創新若干規定,深入實施創新強區工程和科技型企業培育計劃,現將年度區級科技計劃"
      "項目申報工作通知如下。重點支持企業與高校院所合作,支持在高新技術產業開發區內新建工程"
      "技術研究中心。申報單位須為在本區註冊的企業、高校或科研院所。區科技局會同區財政局組織評審。\n";
  auto r = DecodeBytes(Encode(text, "Big5"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->encoding, "Big5");
  EXPECT_EQ(r->utf8, text);
  // And GBK text is not taken for Big5.
  auto g = DecodeBytes(Encode(text, "GBK"));
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_EQ(g->encoding, "GB18030");
  EXPECT_EQ(g->utf8, text);
}

TEST(DecodeBytes, UndecodableNamesTheByteOffset) {
  // Valid GBK up to byte 4, then 0x81 followed by a space: neither UTF-8 nor
  // GB18030.
  const std::string bytes = std::string("\xBF\xC6\xBC\xBC") + "\x81 tail";
  auto r = DecodeBytes(bytes);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kBadInput);
  EXPECT_THAT(r.status().message(), HasSubstr("byte 4"));
}

TEST(DecodeBytes, MostlyUtf8WithOneBadByteNamesItsOffset) {
  std::string bytes = kText;
  const size_t at = bytes.size();
  bytes += "\xFF";
  bytes += kText;
  auto r = DecodeBytes(bytes);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("UTF-8"));
  EXPECT_THAT(r.status().message(), HasSubstr("byte " + std::to_string(at)));
}

TEST(DecodeBytes, EmptyAndWhitespaceOnlyAreRejected) {
  auto empty = DecodeBytes("");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), Status::Code::kBadInput);
  EXPECT_THAT(empty.status().message(), HasSubstr("empty"));

  auto blank = DecodeBytes(" \n\t\r\n\xE3\x80\x80\n");  // includes U+3000
  ASSERT_FALSE(blank.ok());
  EXPECT_EQ(blank.status().code(), Status::Code::kBadInput);
  EXPECT_THAT(blank.status().message(), HasSubstr("whitespace"));

  auto bom_only = DecodeBytes("\xEF\xBB\xBF");
  ASSERT_FALSE(bom_only.ok());
}

TEST(DecodeBytes, BinarySignaturesAreRejected) {
  const std::string pdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj";
  const std::string zip = std::string("PK\x03\x04\x14\x00\x06\x00", 8) + "word/document.xml";
  const std::string elf = std::string("\x7f" "ELF\x02\x01\x01\x00", 8);
  const std::string png = "\x89PNG\r\n\x1a\n";
  const std::string jpeg = "\xFF\xD8\xFF\xE0\x00\x10JFIF";
  for (const std::string& bytes : {pdf, zip, elf, png, jpeg}) {
    auto r = DecodeBytes(bytes);
    ASSERT_FALSE(r.ok()) << bytes;
    EXPECT_EQ(r.status().code(), Status::Code::kBadInput);
    EXPECT_THAT(r.status().message(), HasSubstr("binary"));
  }
}

TEST(DecodeBytes, NulBytesInNonUtf16AreBinary) {
  std::string bytes = "科技局工作总结\n";
  bytes += std::string("\x00\x01\x02\x00\x00\x00\xFF\xFE", 8);
  bytes += std::string(40, '\x00');
  auto r = DecodeBytes(bytes);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kBadInput);
  EXPECT_THAT(r.status().message(), HasSubstr("binary"));
}

TEST(DecodeBytes, ControlByteSoupIsBinary) {
  std::string bytes;
  for (int i = 0; i < 400; ++i) bytes += static_cast<char>(i % 2 ? 'a' + i % 26 : 1 + i % 7);
  auto r = DecodeBytes(bytes);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("binary"));
  EXPECT_THAT(r.status().message(), HasSubstr("byte 0"));
}

TEST(DecodeBytes, LargeSingleLine) {
  const std::string unit = "区科技局会同区财政局推进科技城建设,";
  std::string line;
  while (line.size() < (6u << 20)) line += unit;
  auto r = DecodeBytes(line);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->utf8 == line);
  const std::string half = line.substr(0, unit.size() * 50000);
  auto gb = DecodeBytes(Encode(half, "GBK"));
  ASSERT_TRUE(gb.ok()) << gb.status().message();
  EXPECT_EQ(gb->encoding, "GB18030");
  EXPECT_TRUE(gb->utf8 == half);
}

TEST(DecodeBytes, SampleCorpusDecodes) {
  const char* dir = std::getenv("POLICYKG_SOURCE_DIR");
  ASSERT_NE(dir, nullptr);
  // Each sample's encoding, by its file name.
  const std::pair<const char*, const char*> kSamples[] = {
      {"work_report_nanhai_gbk.txt", "GB18030"},
      {"reply_npc_jingyang_utf16le.txt", "UTF-16LE"},
      {"reply_cppcc_ganzhou.txt", "UTF-8"}};
  for (const auto& [name, encoding] : kSamples) {
    const std::string path = std::string(dir) + "/data/sample/" + name;
    FILE* f = std::fopen(path.c_str(), "rb");
    ASSERT_NE(f, nullptr) << path;
    std::string bytes;
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
    std::fclose(f);
    auto r = DecodeBytes(bytes);
    ASSERT_TRUE(r.ok()) << name << ": " << r.status().message();
    EXPECT_EQ(r->encoding, encoding) << name;
    EXPECT_THAT(r->utf8, HasSubstr("科技局")) << name;
  }
}

}  // namespace
}  // namespace policykg
