using System.Runtime.CompilerServices;
using System.Text;
using CustomerPulseBot.Core.Exchange;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Web.Api.Csv;

/// <summary>
/// The signals CSV as a download, for <c>GET /api/v1/signals.csv</c> and the export links chat hands out: the filtered
/// signals, newest first, read a page at a time and written as they come, so an export of any size holds one page in memory.
/// </summary>
internal sealed class SignalExport(IIntakeStore store)
{
    private const int PageSize = 500;

    /// <summary>The download; <paramref name="ct"/> is the request's, so a client that goes away stops the reading.</summary>
    public IResult Download(WorkspaceId workspace, SignalFilter filter, string fileName, CancellationToken ct) =>
        Results.Stream(
            body => SignalCsvWriter.WriteAsync(body, SignalsAsync(workspace, filter, ct), ct),
            "text/csv; charset=utf-8",
            fileName);

    /// <summary>"signals-this-month-export-timeouts.csv": the words given, lower case, any other character a dash.</summary>
    public static string FileName(params string?[] parts)
    {
        var name = new StringBuilder("signals");
        foreach (var part in parts.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            name.Append('-');
            foreach (var c in part!.Trim().ToLowerInvariant())
            {
                var next = char.IsAsciiLetterOrDigit(c) ? c : '-';
                if (next != '-' || name[^1] != '-')
                {
                    name.Append(next);
                }
            }
        }

        return name.ToString().TrimEnd('-') + ".csv";
    }

    private async IAsyncEnumerable<Signal> SignalsAsync(WorkspaceId workspace, SignalFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        SignalCursor? after = null;
        do
        {
            var page = await store.ListSignalsAsync(workspace, filter, after, PageSize, ct);
            foreach (var signal in page.Items)
            {
                yield return signal;
            }

            after = page.Next;
        }
        while (after is not null);
    }
}
