using System.Text;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Web.Api.Csv;

namespace CustomerPulseBot.Web.Tests.Api;

/// <summary>The signals CSV on its own: the bytes the writer makes, and what the reader makes of files people send.</summary>
public sealed class CsvFormatTests
{
    private static readonly string Header = string.Join(",", SignalCsv.Columns);

    [Fact]
    public async Task WritesRfc4180WithBomAndCrlfAndNeutralisedFormulas_WhenASignalHasAwkwardText()
    {
        var signal = new Signal(
            Guid.CreateVersion7(), WorkspaceId.New(), "Says \"slow\", twice\nand =1+1", "=HYPERLINK(\"x\")", "buyer", "call", SignalKind.Request,
            JourneyStage.Onboard, ["export-timeouts", "reporting"], Severity.High, "https://example.com/a?b=1", new ChatUser("U1", "Ada"), "api",
            new DateTimeOffset(2026, 12, 3, 10, 15, 0, TimeSpan.Zero), DateTimeOffset.UnixEpoch, null);
        using var output = new MemoryStream();

        await SignalCsvWriter.WriteAsync(output, One(signal), CancellationToken.None);

        var bytes = output.ToArray();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        Assert.Equal(
            Header + "\r\n"
            + "\"Says \"\"slow\"\", twice\nand =1+1\",\"'=HYPERLINK(\"\"x\"\")\",buyer,call,request,onboard,high,export-timeouts;reporting,2026-12-03T10:15:00Z,https://example.com/a?b=1\r\n",
            Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task ReadsColumnsInAnyOrderWithTheLineEachRecordStartsOn_WhenQuotesSpanLines()
    {
        var csv = "said_at,themes,quote\r\n2026-12-03T10:15:00Z, a ; b ,\"one\r\ntwo\"\r\n\r\n2026-11-30,,'=1+1\n";

        var sheet = await SignalCsvReader.ReadAsync(Body(csv), 10, CancellationToken.None);

        Assert.Equal([2, 5], sheet.Lines);
        Assert.Empty(sheet.Errors);
        Assert.Equal("one\r\ntwo", sheet.Rows[0].Draft.Quote);
        Assert.Equal(["a", "b"], sheet.Rows[0].Draft.Themes);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 10, 15, 0, TimeSpan.Zero), sheet.Rows[0].Draft.SaidAt);
        Assert.Equal("=1+1", sheet.Rows[1].Draft.Quote);
        Assert.Equal("2026-11-30", sheet.Rows[1].Draft.SaidOn);
        Assert.Null(sheet.Rows[1].Draft.SaidAt);
    }

    [Fact]
    public async Task NamesTheRowAndColumn_WhenSaidAtIsNotIso8601()
    {
        var sheet = await SignalCsvReader.ReadAsync(Body("quote,said_at\nfine,2026-12-03\nbad,3/12/2026\n"), 10, CancellationToken.None);

        var error = Assert.Single(sheet.Errors);
        Assert.Equal((3, SignalCsv.SaidAt), (error.Row, error.Column));
        Assert.Contains("3/12/2026", error.Message);
    }

    public static TheoryData<string, int, string> RefusedFiles => new()
    {
        { "", 400, "header" },
        { "quote,colour\nx,red\n", 400, "\"colour\"" },
        { "quote,customer,Customer\nx,a,b\n", 400, "\"customer\" appears twice" },
        { "customer\nAcme\n", 400, "no \"quote\" column" },
        { "quote,customer\nfine,Acme\n\"never closed,Acme\nmore,Acme\n", 400, "line 3" },
        { "quote,customer\nfine,Acme,extra\n", 400, "line 2" },
        { "quote\n" + string.Concat(Enumerable.Repeat("x\n", 11)), 413, "more than 10 rows" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task RefusesTheWholeFileSayingWhy_WhenItCannotBeTaken(string csv, int status, string said)
    {
        var refused = await Assert.ThrowsAsync<CsvRefusedException>(() => SignalCsvReader.ReadAsync(Body(csv), 10, CancellationToken.None));

        Assert.Equal(status, refused.Status);
        Assert.Contains(said, refused.Message);
    }

    private static MemoryStream Body(string csv) => new(Encoding.UTF8.GetBytes(csv));

    private static async IAsyncEnumerable<Signal> One(Signal signal)
    {
        await Task.Yield();
        yield return signal;
    }
}
