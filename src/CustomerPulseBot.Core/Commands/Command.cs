using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;

namespace CustomerPulseBot.Core.Commands;

/// <summary>What a person asked for: the closed set of commands <see cref="CommandParser"/> produces.</summary>
public abstract record Command;

/// <summary>A one-line capture; the draft is validated when it runs, by the same rules as the forms.</summary>
public sealed record CaptureCommand(CaptureDraft Draft) : Command;

/// <summary>The command with no words: open the capture form.</summary>
public sealed record OpenCaptureFormCommand : Command;

/// <summary>
/// Top pain points; <paramref name="Count"/> is how many themes were asked for ("top 3"), null for the default.
/// <paramref name="ByRevenue"/> ("top this month by revenue") ranks by the annual revenue of the distinct customers behind each theme.
/// </summary>
public sealed record TopCommand(Period Period, QueryFilters Filters, int? Count = null, Asked? Asked = null, bool ByRevenue = false) : Command;

public sealed record TrendsCommand(Period Period, QueryFilters Filters, Asked? Asked = null) : Command;

/// <summary>Quotes matching the words; <paramref name="Words"/> may be empty when a filter (#theme) says what to find. Without a period: the last 90 days.</summary>
public sealed record SearchCommand(string Words, Period? Period, QueryFilters Filters, Asked? Asked = null) : Command;

/// <summary>"How many …": signals and distinct customers, split by theme and by customer.</summary>
public sealed record CountCommand(Period Period, QueryFilters Filters, Asked? Asked = null) : Command;

/// <summary>"Which customers …": the customers behind a theme or words, with counts and their latest quote.</summary>
public sealed record CustomersCommand(Period Period, QueryFilters Filters, Asked? Asked = null) : Command;

/// <summary>"Has X got better since we shipped?": shipped themes' friction before and after their ship date (the digest's figures).</summary>
public sealed record ShippedCommand(QueryFilters Filters, Asked? Asked = null) : Command;

/// <summary>"Summarize yesterday's feedback": the digest view for the period.</summary>
public sealed record SummaryCommand(Period Period, QueryFilters Filters, Asked? Asked = null) : Command;

/// <summary>"Where in the journey do customers struggle?": friction per journey stage, worst first, one quote each.</summary>
public sealed record JourneyCommand(Period Period, QueryFilters Filters, Asked? Asked = null) : Command;

/// <summary><c>undo</c>: removes the person's last capture in this workspace.</summary>
public sealed record UndoCommand : Command;

/// <summary>
/// <c>delete &lt;id&gt;</c>: <paramref name="Reference"/> is a signal id or its short form as confirmations show it. Someone
/// else's signal is an admin's to delete, except with <paramref name="OwnOnly"/>: a capture's Undo button, which anyone in
/// a channel may see, deletes for its capturer alone, so no admin deletes a colleague's quote by a stray click.
/// </summary>
public sealed record DeleteSignalCommand(string Reference, bool OwnOnly = false) : Command;

/// <summary><c>edit &lt;id&gt;</c>: opens the capture form prefilled with the signal, saved in place.</summary>
public sealed record EditSignalCommand(string Reference) : Command;

/// <summary><c>customer merge "Acme Corp" Acme</c>: signals of <paramref name="From"/> count for <paramref name="Into"/> from now on.</summary>
public sealed record MergeCustomersCommand(string From, string Into) : Command, IAdminCommand;

/// <summary>
/// <c>forget customer:Acme</c>, for an erasure request: asks first how many signals would go, and erases them for good
/// once <paramref name="Confirmed"/> (the confirmation's button, read by <see cref="Customers.ForgetConfirmation"/>).
/// </summary>
public sealed record ForgetCustomerCommand(string Customer, bool Confirmed = false) : Command, IAdminCommand;

/// <summary><c>customer Acme</c>: one customer's profile (plan, revenue, owner, names), their themes and newest signals.</summary>
public sealed record CustomerCommand(string Name) : Command;

/// <summary>
/// <c>export this month [#theme]</c>: a download link for the CSV of the period's signals, signed for the person who
/// asked, working once for 15 minutes (<see cref="Exchange.IExportLinks"/>).
/// </summary>
public sealed record ExportCommand(Period Period, string? Theme) : Command;

/// <summary><c>api-key create [read|write] [name]</c>: a key for the REST API, shown once, to the admin alone.</summary>
public sealed record CreateApiKeyCommand(ApiKeys.ApiKeyScope Scope, string? Name) : Command, IAdminCommand;

/// <summary><c>api-key list</c>: the workspace's keys that are not revoked, without their secrets.</summary>
public sealed record ListApiKeysCommand : Command, IAdminCommand;

/// <summary><c>api-key revoke &lt;name&gt;</c>: the key stops working at once.</summary>
public sealed record RevokeApiKeyCommand(string Name) : Command, IAdminCommand;

public sealed record ThemesCommand : Command;

/// <summary><c>themes new [period]</c>: candidate themes among the period's untagged quotes (this week when none is named).</summary>
public sealed record ThemesNewCommand(Period Period, Asked? Asked = null) : Command;

/// <summary>Fold <paramref name="From"/> into <paramref name="Into"/>; From becomes an alias.</summary>
public sealed record MergeThemesCommand(string From, string Into) : Command, IAdminCommand;

/// <summary>Gives <paramref name="From"/> the name <paramref name="To"/>; From stays an alias, as a merge keeps it.</summary>
public sealed record RenameThemeCommand(string From, string To) : Command, IAdminCommand;

public sealed record ShipThemeCommand(string Theme, string? Note) : Command, IAdminCommand;

/// <summary>
/// <c>digest ...</c> in a channel, or <c>brief ...</c> for the person's own direct-message brief: the same
/// schedule words, carried out by the digest scheduler.
/// </summary>
public sealed record DigestCommand(DigestRequest Request, SubscriptionKind Kind = SubscriptionKind.Digest) : Command;

/// <summary>
/// <c>settings</c>: the workspace's time zone, first day of the week, auto-tagging and masking of personal data, shown
/// when all are null, else the one given changed (<paramref name="TimeZone"/> an IANA id as the system spells it).
/// </summary>
public sealed record SettingsCommand(string? TimeZone = null, DayOfWeek? WeekStart = null, bool? AutoTag = null, bool? Redact = null) : Command
{
    /// <summary>
    /// Any setting given, which only an admin may do (showing them is open to all): every field left at its default
    /// means "show", so a setting added later counts as a change with no edit here.
    /// </summary>
    public bool HasChange => this != new SettingsCommand();
}

/// <summary><c>admins</c>: who may run admin commands here.</summary>
public sealed record AdminsCommand : Command;

/// <summary><c>admins add @name</c>: <paramref name="Mention"/> as typed, read by the platform (a Slack or Teams mention).</summary>
public sealed record AddAdminCommand(string Mention) : Command, IAdminCommand;

/// <summary><c>admins remove @name</c>: takes a person added with <c>admins add</c> off the list.</summary>
public sealed record RemoveAdminCommand(string Mention) : Command, IAdminCommand;

public sealed record HelpCommand(string? Topic) : Command;

/// <summary>
/// Words the parser could not read: what it did understand, what it did not, an example to copy, and
/// the original text so that nothing the person typed is lost.
/// </summary>
public sealed record NotUnderstoodCommand(string Text, string Understood, string Problem, string Example) : Command;
