using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;

namespace CustomerPulseBot.Core.Commands;

/// <summary>What a person asked for: the closed set of commands <see cref="CommandParser"/> produces.</summary>
public abstract record Command;

/// <summary>A one-line capture; the draft is validated when it runs, by the same rules as the forms.</summary>
public sealed record CaptureCommand(CaptureDraft Draft) : Command;

/// <summary>The command with no words: open the capture form.</summary>
public sealed record OpenCaptureFormCommand : Command;

public sealed record TopCommand(Period Period, QueryFilters Filters) : Command;

public sealed record TrendsCommand(Period Period, QueryFilters Filters) : Command;

public sealed record SearchCommand(string Words, Period? Period, QueryFilters Filters) : Command;

public sealed record ThemesCommand : Command;

/// <summary>Fold <paramref name="From"/> into <paramref name="Into"/>; From becomes an alias.</summary>
public sealed record MergeThemesCommand(string From, string Into) : Command;

public sealed record ShipThemeCommand(string Theme, string? Note) : Command;

/// <summary>
/// <c>digest ...</c> in a channel, or <c>brief ...</c> for the person's own direct-message brief: the same
/// schedule words, carried out by the digest scheduler.
/// </summary>
public sealed record DigestCommand(DigestRequest Request, SubscriptionKind Kind = SubscriptionKind.Digest) : Command;

public sealed record HelpCommand(string? Topic) : Command;

/// <summary>
/// Words the parser could not read: what it did understand, what it did not, an example to copy, and
/// the original text so that nothing the person typed is lost.
/// </summary>
public sealed record NotUnderstoodCommand(string Text, string Understood, string Problem, string Example) : Command;
