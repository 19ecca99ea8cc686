namespace CustomerPulseBot.Meaning.Tests;

/// <summary>
/// The expected pieces come from Hugging Face's BertTokenizer algorithm (BasicTokenizer + WordpieceTokenizer, uncased)
/// run over the package's vocab.txt in Python with its own Unicode tables: the tokens the model was trained on.
/// </summary>
public sealed class WordPieceTokenizerTests
{
    private static readonly string[] Vocabulary = PackagedModel.Beside().ReadVocabulary();
    private static readonly WordPieceTokenizer Tokenizer = new(Vocabulary);

    [Theory]
    [InlineData("unaffable", "una ##ffa ##ble")]
    [InlineData("I can't log in!", "i can ' t log in !")]
    [InlineData("Hello, World.", "hello , world .")]
    [InlineData("Caf\u00e9 na\u00efve r\u00e9sum\u00e9", "cafe naive resume")]
    [InlineData("ok ye xq zz", "ok ye x ##q z ##z")]
    [InlineData("Exports time out after 60s; the CSV download fails (again).", "exports time out after 60s ; the cs ##v download fails ( again ) .")]
    [InlineData("\u4e2d\u6587\u5b57\u7b26 mixed with English", "中 文 [UNK] [UNK] mixed with english")]
    [InlineData("\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8", "日 本 語 の ##テ ##キ ##ス ##ト")]
    [InlineData("\ud55c\uad6d\uc5b4 \ud14d\uc2a4\ud2b8", "ᄒ ##ᅡ ##ᆫ ##ᄀ ##ᅮ ##ᆨ ##ᄋ ##ᅥ ᄐ ##ᅦ ##ᆨ ##ᄉ ##ᅳ ##ᄐ ##ᅳ")]
    [InlineData("emoji \U0001f600 here \U0001f44d\U0001f3fd", "em ##oj ##i [UNK] here [UNK]")]
    [InlineData("tab\u0009here\u000anewline\u0000nul\u200bzero-width\u00adsoft", "tab here new ##line ##nu ##lz ##ero - width ##so ##ft")]
    [InlineData("\u00c0\u00c9\u00ce\u00d5\u00dc \u00c5NGSTR\u00d6M \u216b \ufb01 \u00bd", "ae ##io ##u ang ##strom [UNK] ﬁ ½")]
    [InlineData("$100 ^caret `tick ~tilde |pipe", "$ 100 ^ care ##t ` tick ~ til ##de | pipe")]
    [InlineData("\u0130stanbul \u0386\u0388\u0389 \u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac \u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440", "istanbul α ##ε ##η ε ##λ ##λ ##η ##ν ##ι ##κ ##α п ##р ##и ##в ##е ##т м ##и ##р")]
    [InlineData("\u0301lone accent e\u0301", "lone accent e")]
    [InlineData("line\u2028separator\u2029paragraph\u00a0nbsp\u3000ideographic", "line sep ##arat ##or paragraph n ##bs ##p id ##eo ##graphic")]
    [InlineData("\uff26\uff35\uff2c\uff2c\uff37\uff29\uff24\uff34\uff28", "[UNK]")]
    public void CutsTextAsBertDoes_WhenGivenMixedText(string text, string pieces)
    {
        var ids = Tokenizer.Tokenize(text);

        Assert.Equal(pieces, string.Join(' ', ids[1..^1].Select(id => Vocabulary[id])));
    }

    [Fact]
    public void FramesIdsWithClsAndSep_WhenGivenASentence()
    {
        var ids = Tokenizer.Tokenize("I can't log in!");

        Assert.Equal([101, 1045, 2064, 1005, 1056, 8833, 1999, 999, 102], ids);
    }

    [Theory]
    [InlineData("xq", "x ##q")]
    [InlineData("zz", "z ##z")]
    [InlineData("jq", "j ##q")]
    [InlineData("x7", "x ##7")]
    public void CutsShortUnknownWords_InsteadOfUnk(string word, string pieces)
    {
        var ids = Tokenizer.Tokenize(word);

        Assert.Equal(pieces, string.Join(' ', ids[1..^1].Select(id => Vocabulary[id])));
    }

    [Fact]
    public void GivesUnk_WhenAWordIsLongerThan100Characters()
    {
        var hundred = Tokenizer.Tokenize(new string('a', 100));
        var longer = Tokenizer.Tokenize(new string('a', 101) + " ok");

        Assert.DoesNotContain(Tokenizer.Unk, hundred);
        Assert.Equal([Tokenizer.Cls, Tokenizer.Unk, 7929, Tokenizer.Sep], longer);
    }

    [Fact]
    public void KeepsTheFirst254Pieces_WhenTextIsLong()
    {
        var start = Tokenizer.Tokenize("word0 word1")[1..^1];

        var ids = Tokenizer.Tokenize(string.Join(' ', Enumerable.Range(0, 5000).Select(i => $"word{i}")));

        Assert.Equal(WordPieceTokenizer.MaxTokens, ids.Length);
        Assert.Equal(Tokenizer.Cls, ids[0]);
        Assert.Equal(Tokenizer.Sep, ids[^1]);
        Assert.Equal(start, ids[1..(1 + start.Length)]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\n ")]
    [InlineData("\u0000\u0001\u200b\ufffd")]
    [InlineData("\ud83d")]
    public void GivesOnlyClsAndSep_WhenNothingIsLeftToCut(string text)
    {
        var ids = Tokenizer.Tokenize(text);

        Assert.Equal([Tokenizer.Cls, Tokenizer.Sep], ids);
    }
}
