using System.Globalization;
using System.Text.RegularExpressions;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Signals;

/// <summary>
/// Turns a draft into a signal, or says field by field what is wrong. One validator for the one-line command
/// and every form, so a value is read the same way everywhere; what differs is what a mistake costs.
/// A form (Slack modal, Teams card, playground) refuses on any error and shows it beside its field: the person
/// is right there to fix it. A one-line command never loses a capture over a field that can be dropped
/// (<see cref="ValidateLine"/>).
/// Every capture path (chat, forms, edits, and the API and imports that follow) turns a draft into a signal here, so this
/// is also where personal data is masked (<see cref="PersonalData"/>), before anything is stored, compared or logged.
/// </summary>
public static class CaptureValidator
{
    /// <summary>
    /// Fields a capture keeps its meaning without: an unknown segment, source, kind, stage or severity, or an
    /// unreadable said date, leaves that field out (kind pain, severity medium, said now). The quote, the themes,
    /// the customer and the evidence link are what the signal is: a mistake there refuses the capture.
    /// </summary>
    private static readonly IReadOnlySet<string> Droppable = new HashSet<string>
    {
        CaptureField.Segment, CaptureField.Source, CaptureField.Kind, CaptureField.Stage, CaptureField.Severity, CaptureField.SaidOn,
    };

    /// <summary>
    /// For forms: any error refuses, and <paramref name="signal"/> is null. <paramref name="masked"/> counts the personal
    /// data masked in the signal's free text, unless the workspace switched masking off.
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(
        CaptureDraft draft, ChatContext context, DateTimeOffset now, out Signal? signal, out PersonalDataFound masked)
    {
        var errors = Read(draft, context, now, out var read);
        masked = PersonalDataFound.None;
        signal = errors.Count == 0 ? Masked(read, context, errors, out masked) : null;
        return errors;
    }

    /// <summary>
    /// For the one-line command: errors only in <see cref="Droppable"/> fields still give a signal, stored without
    /// them, and come back in <paramref name="leftOut"/> saying how to fix each with Edit. Any other error refuses:
    /// <paramref name="signal"/> is null and every error is returned, droppable ones included, to fix in one go.
    /// Personal data is masked as by <see cref="Validate"/>.
    /// </summary>
    public static IReadOnlyList<FieldError> ValidateLine(
        CaptureDraft draft, ChatContext context, DateTimeOffset now, out Signal? signal, out IReadOnlyList<FieldError> leftOut,
        out PersonalDataFound masked)
    {
        var errors = Read(draft, context, now, out var read);
        masked = PersonalDataFound.None;
        if (errors.Any(e => !Droppable.Contains(e.Field)) || Masked(read, context, errors, out masked) is not { } kept)
        {
            (signal, leftOut) = (null, []);
            return errors;
        }

        (signal, leftOut) = (kept, errors.Select(e => e with { Message = $"{e.Message} {StoredWithout(e.Field)}" }).ToList());
        return [];
    }

    /// <summary>
    /// The signal with personal data masked in its free text: the quote, the customer and the evidence link (segment,
    /// source and the rest are closed word lists). Null, with an error on the quote, in the unlikely case that the text
    /// could not be checked in time: then nothing is stored rather than something unchecked.
    /// </summary>
    private static Signal? Masked(Signal signal, ChatContext context, List<FieldError> errors, out PersonalDataFound found)
    {
        found = PersonalDataFound.None;
        if (!context.Workspace.Redact)
        {
            return signal;
        }

        try
        {
            var (quote, inQuote) = PersonalData.Mask(signal.Quote);
            var (customer, inCustomer) = signal.Customer is { } named ? PersonalData.Mask(named) : (null, PersonalDataFound.None);
            var (link, inLink) = signal.EvidenceUrl is { } url ? PersonalData.Mask(url) : (null, PersonalDataFound.None);
            found = inQuote + inCustomer + inLink;
            return signal with { Quote = quote, Customer = customer, EvidenceUrl = link };
        }
        catch (RegexMatchTimeoutException)
        {
            errors.Add(new(CaptureField.Quote,
                "The capture could not be checked for personal data in time, so it was not saved. Send it again, in shorter parts if it is long."));
            return null;
        }
    }

    private static string StoredWithout(string field) => field switch
    {
        CaptureField.Kind => "Saved as a pain; use Edit to change it.",
        CaptureField.Severity => "Saved as medium; use Edit to change it.",
        CaptureField.SaidOn => "Saved as said today; use Edit to set the day.",
        _ => "Saved without it; use Edit to add it.",
    };

    /// <summary>The signal with every unreadable field at its fallback, and the errors; the signal is whole only when there are none.</summary>
    private static List<FieldError> Read(CaptureDraft draft, ChatContext context, DateTimeOffset now, out Signal signal)
    {
        var errors = new List<FieldError>();
        var quote = Quote(draft.Quote, errors);
        var customer = Text(draft.Customer, CaptureField.Customer, "customer name", SignalVocabulary.MaxCustomerLength, errors);
        var segment = Word(draft.Segment, CaptureField.Segment, "segment", SignalVocabulary.Segments, errors);
        var source = Word(draft.Source, CaptureField.Source, "source", SignalVocabulary.Sources, errors);
        var kind = Choice(draft.Kind, CaptureField.Kind, "kind", SignalKind.Pain, errors);
        var stage = StageOf(draft.Stage, errors);
        var severity = SeverityOf(draft.Severity, errors);
        var themes = ThemesOf(draft.Themes, errors);
        var evidence = Link(draft.EvidenceUrl, errors);
        var saidAt = draft.SaidAt is { } exact ? Exact(exact, now, errors) : SaidAt(draft.SaidOn, context.TimeZone, now, errors);

        signal = new Signal(
            Guid.CreateVersion7(now),
            context.WorkspaceId,
            quote,
            customer,
            segment,
            source,
            kind,
            stage,
            themes,
            severity,
            evidence,
            context.User,
            context.ChannelId,
            saidAt,
            now,
            context.MessagePermalink);
        return errors;
    }

    private static string Quote(string raw, List<FieldError> errors)
    {
        var quote = raw.Replace("\r\n", "\n").Trim();
        if (quote.Length == 0)
        {
            errors.Add(new(CaptureField.Quote, "The quote is empty: type what the customer said, in their words."));
        }
        else if (quote.Length > SignalVocabulary.MaxQuoteLength)
        {
            errors.Add(new(CaptureField.Quote,
                $"The quote is {quote.Length:N0} characters long; the limit is {SignalVocabulary.MaxQuoteLength:N0}. Keep the part that matters and link the rest as evidence."));
        }
        else if (ControlCharacter(quote, allowLineBreaks: true) is { } c)
        {
            errors.Add(new(CaptureField.Quote, $"The quote contains an invisible control character (U+{(int)c:X4}); remove it and send again."));
        }

        return quote;
    }

    private static string? Text(string? raw, string field, string what, int maxLength, List<FieldError> errors)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > maxLength)
        {
            errors.Add(new(field, $"The {what} is {text.Length:N0} characters long; the limit is {maxLength:N0}."));
        }
        else if (ControlCharacter(text, allowLineBreaks: false) is { } c)
        {
            errors.Add(new(field, $"The {what} contains an invisible control character (U+{(int)c:X4})."));
        }

        return text;
    }

    private static string? Word(string? raw, string field, string what, IReadOnlyList<string> allowed, List<FieldError> errors)
    {
        var word = raw?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(word))
        {
            return null;
        }

        if (!allowed.Contains(word))
        {
            errors.Add(new(field, $"\"{FieldError.Excerpt(raw!)}\" is not a {what} I know. Use one of: {string.Join(", ", allowed)}."));
            return null;
        }

        return word;
    }

    private static TEnum Choice<TEnum>(string? raw, string field, string what, TEnum fallback, List<FieldError> errors)
        where TEnum : struct, Enum
    {
        var word = raw?.Trim();
        if (string.IsNullOrEmpty(word))
        {
            return fallback;
        }

        if (!int.TryParse(word, out _) && Enum.TryParse<TEnum>(word.Replace("-", ""), ignoreCase: true, out var value))
        {
            return value;
        }

        errors.Add(new(field, $"\"{FieldError.Excerpt(word)}\" is not a {what} I know. Use one of: {SignalVocabulary.Names<TEnum>()}."));
        return fallback;
    }

    /// <summary>No stage when none was given or it cannot be read.</summary>
    private static JourneyStage? StageOf(string? raw, List<FieldError> errors)
    {
        var known = errors.Count;
        var stage = string.IsNullOrWhiteSpace(raw) ? (JourneyStage?)null : Choice(raw, CaptureField.Stage, "journey stage", JourneyStage.Use, errors);
        return errors.Count > known ? null : stage;
    }

    private static Severity SeverityOf(string? raw, List<FieldError> errors)
    {
        // People also rate on a 1-4 scale; both spellings land on the same value.
        if (int.TryParse(raw?.Trim(), out var number) && Enum.IsDefined((Severity)number))
        {
            return (Severity)number;
        }

        var word = raw?.Trim();
        if (string.IsNullOrEmpty(word))
        {
            return Severity.Medium;
        }

        if (!int.TryParse(word, out _) && Enum.TryParse<Severity>(word, ignoreCase: true, out var named))
        {
            return named;
        }

        // The help names both spellings, so the reply to a slip does too.
        errors.Add(new(CaptureField.Severity,
            $"\"{FieldError.Excerpt(word)}\" is not a severity I know. Use one of: {SignalVocabulary.Names<Severity>()}, or 1 to 4 (1 low, 4 critical)."));
        return Severity.Medium;
    }

    private static IReadOnlyList<string> ThemesOf(IReadOnlyList<string>? raw, List<FieldError> errors)
    {
        var names = new List<string>();
        foreach (var item in raw ?? [])
        {
            if (string.IsNullOrWhiteSpace(item))
            {
                continue;
            }

            if (ThemeName.Normalise(item) is { } name)
            {
                if (!names.Contains(name))
                {
                    names.Add(name);
                }
            }
            else
            {
                errors.Add(new(CaptureField.Themes,
                    $"\"{FieldError.Excerpt(item)}\" cannot be a theme name: use letters, digits and dashes, at most {ThemeName.MaxLength} characters."));
            }
        }

        if (names.Count > SignalVocabulary.MaxThemes)
        {
            errors.Add(new(CaptureField.Themes, $"A signal can carry at most {SignalVocabulary.MaxThemes} themes; this one names {names.Count}."));
        }

        return names;
    }

    private static string? Link(string? raw, List<FieldError> errors)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > SignalVocabulary.MaxUrlLength
            || !Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https"))
        {
            errors.Add(new(CaptureField.EvidenceUrl,
                $"\"{FieldError.Excerpt(text)}\" is not a web link. The evidence link must start with https:// (or http://)."));
            return null;
        }

        return uri.AbsoluteUri;
    }

    private static DateTimeOffset SaidAt(string? raw, TimeZoneInfo zone, DateTimeOffset now, List<FieldError> errors)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return now;
        }

        var today = Zones.DayOf(now, zone);
        if (!SpokenDay.TryRead(text, today, out var day, out var problem))
        {
            errors.Add(new(CaptureField.SaidOn, problem));
            return now;
        }

        if (day > today)
        {
            errors.Add(new(CaptureField.SaidOn,
                $"{day.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} is in the future: when did the customer say it?"));
            return now;
        }

        // Said today means now; an earlier day means that day's start in the person's time zone.
        return day == today ? now : Zones.StartOf(day, zone);
    }

    /// <summary>An exact moment, which may not be in the future (a few minutes of clock difference allowed).</summary>
    private static DateTimeOffset Exact(DateTimeOffset at, DateTimeOffset now, List<FieldError> errors)
    {
        if (at > now + TimeSpan.FromMinutes(5))
        {
            errors.Add(new(CaptureField.SaidOn, $"{at:yyyy-MM-dd'T'HH:mm:ssK} is in the future: when did the customer say it?"));
            return now;
        }

        return at.ToUniversalTime();
    }

    private static char? ControlCharacter(string text, bool allowLineBreaks)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\t'))
            {
                return c;
            }
        }

        return null;
    }

}
