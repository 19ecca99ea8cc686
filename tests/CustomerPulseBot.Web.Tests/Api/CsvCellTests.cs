using CustomerPulseBot.Web.Api.Csv;

namespace CustomerPulseBot.Web.Tests.Api;

/// <summary>The one rule for formulas in CSV cells: what export writes, and that import gives back the text exactly.</summary>
public sealed class CsvCellTests
{
    public static TheoryData<string, string> Cells => new()
    {
        { "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0" },
        { "+1", "'+1" },
        { "-2", "'-2" },
        { "@SUM(A1)", "'@SUM(A1)" },
        { "\tindented", "'\tindented" },
        { "\rreturn", "'\rreturn" },
        { "'=already quoted", "''=already quoted" },
        { "''=twice", "'''=twice" },
        { "plain text", "plain text" },
        { "'apostrophe first", "'apostrophe first" },
        { "a = b", "a = b" },
        { "", "" },
        { "'", "'" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void NeutralisesFormulasAndRestoresTheTextExactly_ForEveryCell(string text, string written)
    {
        var neutralised = CsvCell.Neutralise(text);

        Assert.Equal(written, neutralised);
        Assert.Equal(text, CsvCell.Restore(neutralised));
    }

    [Theory]
    [InlineData("'=SUM(A1)", "=SUM(A1)")]
    [InlineData("'-5", "-5")]
    [InlineData("'hello", "'hello")]
    [InlineData("don't", "don't")]
    public void StripsOneApostropheOnlyBeforeAFormulaCharacter_WhenReadingACellTypedByHand(string cell, string text)
    {
        Assert.Equal(text, CsvCell.Restore(cell));
    }
}
