using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Exchange;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Web.Api.Csv;

namespace CustomerPulseBot.Web.Api.Exports;

/// <summary>
/// <c>GET /exports/{token}</c>, the link chat hands out: no API key, the sealed token is the permission. It works once
/// (claimed in the event receipts every host shares, so a second host refuses it too) and until it expires; the
/// download is the same CSV as <c>/api/v1/signals.csv</c>. A person who follows a dead link gets a page saying why.
/// </summary>
internal static class ExportDownload
{
    public static IEndpointRouteBuilder MapExportLinks(this IEndpointRouteBuilder app)
    {
        app.MapGet($"{ExportLinks.Path}/{{token}}", DownloadAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> DownloadAsync(
        string token, ExportLinks links, IPulseStore store, IEventReceipts receipts, SignalExport export, TimeProvider clock,
        ILogger<ExportLinks> logger, HttpContext http)
    {
        var now = clock.GetUtcNow();
        if (links.Read(token) is not { } ticket || await store.GetWorkspaceAsync(new WorkspaceId(ticket.Workspace), http.RequestAborted) is not { } workspace)
        {
            logger.LogInformation("Refused an export link that this host did not make");
            return Page(StatusCodes.Status404NotFound, "This link is not one of ours",
                "It may have been copied only in part. Ask for a new one in chat: export this month.");
        }

        if (now >= ticket.Expires)
        {
            return Page(StatusCodes.Status410Gone, "This export link has expired",
                $"Export links work for {IExportLinks.Lifetime.TotalMinutes:0} minutes. Ask for a new one in chat: export this month.");
        }

        // Receipts are keyed like the workspace's platform events; "export:" keeps a nonce from ever meeting an event id.
        if (!await receipts.TryRecordEventAsync(workspace.Platform, workspace.ExternalId, $"export:{ticket.Nonce}", now, http.RequestAborted))
        {
            return Page(StatusCodes.Status410Gone, "This export link was used already",
                "Each link downloads once, so a forwarded link does not keep working. Ask for a new one in chat: export this month.");
        }

        logger.LogInformation("Export link of {UserId} in workspace {WorkspaceId} downloaded", ticket.Person, workspace.Id);
        var range = ticket is { From: { } from, Until: { } until } ? new DateRange(from, until) : null;
        return export.Download(workspace.Id, new SignalFilter(range, Theme: ticket.Theme), ticket.FileName, http.RequestAborted);
    }

    private static IResult Page(int status, string title, string explanation) => Results.Content(
        $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
        <body><h1>{title}</h1><p>{explanation}</p></body></html>
        """,
        "text/html; charset=utf-8",
        statusCode: status);
}
