namespace CustomerPulseBot.Web.Api.Csv;

/// <summary>
/// Spreadsheet formulas in CSV cells, kept from running and brought back: the one escaping rule for every CSV we write
/// and read. A cell a spreadsheet would run (it starts with = + - @, a tab or a CR: OWASP's CSV injection list) gets a
/// leading <c>'</c>, which Excel and LibreOffice read as "this cell is text"; reading strips that one <c>'</c> again, so
/// export → import gives back the text as it was. A cell that already starts with apostrophes before such a character
/// (<c>'=x</c>) gets one more, so the rule stays exact both ways.
/// </summary>
internal static class CsvCell
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>The cell as written: a formula-looking text with a leading <c>'</c>.</summary>
    public static string Neutralise(string text) => LooksLikeFormula(text) ? "'" + text : text;

    /// <summary>The text a neutralised cell stood for: one leading <c>'</c> before a formula-looking rest is dropped.</summary>
    public static string Restore(string cell) => cell.StartsWith('\'') && LooksLikeFormula(cell[1..]) ? cell[1..] : cell;

    /// <summary>Starts with a formula character, after any apostrophes a previous neutralising put there.</summary>
    private static bool LooksLikeFormula(string text)
    {
        var first = text.AsSpan().TrimStart('\'');
        return first.Length > 0 && first.IndexOfAny(FormulaStarts) == 0;
    }
}
