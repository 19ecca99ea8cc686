using CustomerPulseBot.Core.ApiKeys;
using CustomerPulseBot.Core.Customers;
using CustomerPulseBot.Core.Exchange;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Core.Commands;

// Data in and out from chat: API keys (admins only, see PulseCommands.Admins.cs), CSV export links and one customer's
// profile. A secret (a key, a link bound to the person) is only ever shown in an answer the person alone sees.
public sealed partial class PulseCommands
{
    /// <summary>How many of a customer's themes and newest quotes its profile shows.</summary>
    public const int ProfileThemes = 5;

    public const int ProfileQuotes = 3;

    private async Task<View> CreateApiKeyAsync(ChatContext context, CreateApiKeyCommand create, string originalText, CancellationToken ct)
    {
        if (apiKeys is null)
        {
            return Unavailable("API keys");
        }

        if (!context.Private)
        {
            return PrivateOnly(context, "An API key", originalText);
        }

        if (await apiKeys.CreateAsync(context.WorkspaceId, create.Scope, create.Name, context.User.Name, ct) is not var (key, secret))
        {
            return new NotUnderstoodView(
                $"a new {Scope(create.Scope)} API key called \"{create.Name}\"",
                $"a working key is called \"{create.Name}\" already: pick another name, or api-key revoke it first",
                CommandHelp.ExampleFor("api-key"), originalText);
        }

        logger.LogInformation("Workspace {WorkspaceId}: API key {ApiKeyId} ({Scope}) created by {UserId}", context.WorkspaceId, key.Id, key.Scope, context.User.Id);
        return new ApiKeyCreatedView(key, secret);
    }

    private async Task<View> ListApiKeysAsync(ChatContext context, CancellationToken ct) =>
        apiKeys is null ? Unavailable("API keys") : new ApiKeysView(await apiKeys.ListAsync(context.WorkspaceId, ct), context.TimeZone);

    private async Task<View> RevokeApiKeyAsync(ChatContext context, RevokeApiKeyCommand revoke, string originalText, CancellationToken ct)
    {
        if (apiKeys is null)
        {
            return Unavailable("API keys");
        }

        if (await apiKeys.RevokeAsync(context.WorkspaceId, revoke.Name, ct) is not { } key)
        {
            return new NotUnderstoodView(
                $"a request to revoke the API key \"{revoke.Name}\"", $"no working key here is called \"{revoke.Name}\" (api-key list shows them)",
                CommandHelp.ExampleFor("api-key", typeof(ListApiKeysCommand)), originalText);
        }

        logger.LogInformation("Workspace {WorkspaceId}: API key {ApiKeyId} revoked by {UserId}", context.WorkspaceId, key.Id, context.User.Id);
        return new NoticeView(
            $"API key {key.Name} revoked",
            $"The {Scope(key.Scope)} key {key.Name} (…{key.Hint}) stopped working just now: a call with it gets 401 Unauthorized. What it stored stays.");
    }

    /// <summary>
    /// A link to the CSV of the period's signals (of one theme), made for the person who asked: its count says what it
    /// holds, read now, so a signal captured meanwhile may be in the file too.
    /// </summary>
    private async Task<View> ExportAsync(ChatContext context, ExportCommand export, string originalText, CancellationToken ct)
    {
        if (!context.Private)
        {
            return PrivateOnly(context, "An export link", originalText);
        }

        var window = Resolve(context, export.Period);
        string? theme = null;
        if (export.Theme is { } named)
        {
            if (await store.FindThemeAsync(context.WorkspaceId, named, ct) is not { } found)
            {
                return new NotUnderstoodView(
                    $"an export of #{named} {window.Label}", $"there is no theme #{named} here (\"themes\" lists them)",
                    CommandHelp.ExampleFor("export"), originalText);
            }

            theme = found.Name;
        }

        if (exportLinks?.Create(context, new ExportRequest(window.Current, theme)) is not { } link)
        {
            return new NoticeView(
                "Exports need the bot's public address",
                "An admin must set Api:PublicUrl (the https address people reach the bot at) before I can link to a download. Nothing was exported.");
        }

        var signals = await store.CountSignalsAsync(context.WorkspaceId, new SignalFilter(window.Current, Theme: theme), ct);
        logger.LogInformation("Workspace {WorkspaceId}: export link made for {UserId}", context.WorkspaceId, context.User.Id);
        return new ExportLinkView(link, window.Label, window.Dates, theme, signals, IExportLinks.Lifetime);
    }

    /// <summary>
    /// "customer acme corp" typed in lower case reads as a quote (the parser takes a few capitalised words or a quoted name
    /// as a customer, so "customer wants SSO" stays a capture), unless the words are a customer's name here: nobody
    /// captures a quote that is only the word customer and a customer's name.
    /// </summary>
    private async Task<Command> WithKnownCustomerAsync(ChatContext context, Command command, CancellationToken ct)
    {
        if (customers is null
            || command is not CaptureCommand { Draft: { Customer: null, Themes: null or [], EvidenceUrl: null } draft }
            || draft.Quote.Split(' ', 2, StringSplitOptions.TrimEntries) is not [var word, var name]
            || !word.Equals("customer", StringComparison.OrdinalIgnoreCase)
            || name.Length > SignalVocabulary.MaxCustomerLength
            || name.Contains('\n'))
        {
            return command;
        }

        var found = await customers.FindCustomerAsync(context.WorkspaceId, name.TrimEnd('?', '!', '.'), ct);
        return found is null ? command : new CustomerCommand(found.Name);
    }

    /// <summary>
    /// One customer, found by any of its names: its profile, its signals of all time, its themes by signals and its newest
    /// quotes. Without a customer store the name the signals carry stands for the profile.
    /// </summary>
    private async Task<View> CustomerAsync(ChatContext context, CustomerCommand customer, string originalText, CancellationToken ct)
    {
        var profile = customers is null ? null : await customers.FindCustomerAsync(context.WorkspaceId, customer.Name, ct);
        var filter = new SignalFilter(Customer: profile?.Name ?? customer.Name);
        var signals = await store.CountSignalsAsync(context.WorkspaceId, filter, ct);
        if (profile is null && (customers is not null || signals == 0))
        {
            return new NotUnderstoodView(
                $"a request for the customer \"{customer.Name}\"", $"no customer here is called \"{customer.Name}\" (customers lists them)", "customers", originalText);
        }

        var themes = (await store.GetThemeStatsAsync(context.WorkspaceId, filter, ct))
            .OrderByDescending(s => s.Signals)
            .ThenBy(s => s.Theme is null) // untagged after the themes it ties with
            .ThenBy(s => s.Theme, StringComparer.Ordinal)
            .Take(ProfileThemes)
            .ToList();
        var newest = await store.FindSignalsAsync(context.WorkspaceId, filter, ProfileQuotes, ct);
        return new CustomerProfileView(profile ?? new CustomerProfile(customer.Name, []), signals, themes, newest);
    }

    /// <summary>The answer to a request for a secret made where others read along: where to ask instead, and the words to send there.</summary>
    private static NoticeView PrivateOnly(ChatContext context, string what, string originalText)
    {
        var where = context.Workspace.Platform switch
        {
            Platform.Slack => "with the /pulse command (only you see its answers) or in a direct message to me",
            Platform.Teams => "in a personal chat with me",
            _ => "in a direct message to me",
        };
        return new NoticeView(
            "Ask me in a direct message",
            $"{what} is for you alone, so I do not show it where others read along. Ask {where}, sending: {originalText.Trim()}");
    }

    private static NoticeView Unavailable(string what) =>
        new($"{what} are not available here", $"This host runs without {what}, so nothing was changed.");

    private static string Scope(ApiKeyScope scope) => scope.ToString().ToLowerInvariant();
}
