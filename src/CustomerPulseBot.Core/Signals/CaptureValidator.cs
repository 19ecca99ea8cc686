using System.Globalization;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Signals;

/// <summary>
/// Turns a draft into a signal, or says field by field what is wrong. One validator for the one-line
/// command and every form, so a capture is accepted or refused by the same rules everywhere.
/// </summary>
public static class CaptureValidator
{
    public static IReadOnlyList<FieldError> Validate(
        CaptureDraft draft, ChatContext context, DateTimeOffset now, out Signal? signal)
    {
        var errors = new List<FieldError>();
        var quote = Quote(draft.Quote, errors);
        var customer = Text(draft.Customer, CaptureField.Customer, "customer name", SignalVocabulary.MaxCustomerLength, errors);
        var segment = Word(draft.Segment, CaptureField.Segment, "segment", SignalVocabulary.Segments, errors);
        var source = Word(draft.Source, CaptureField.Source, "source", SignalVocabulary.Sources, errors);
        var kind = Choice(draft.Kind, CaptureField.Kind, "kind", SignalKind.Pain, errors);
        var stage = string.IsNullOrWhiteSpace(draft.Stage) ? (JourneyStage?)null : Choice(draft.Stage, CaptureField.Stage, "journey stage", JourneyStage.Use, errors);
        var severity = SeverityOf(draft.Severity, errors);
        var themes = ThemesOf(draft.Themes, errors);
        var evidence = Link(draft.EvidenceUrl, errors);
        var saidAt = SaidAt(draft.SaidOn, context.TimeZone, now, errors);

        signal = errors.Count > 0 ? null : new Signal(
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
            errors.Add(new(field, $"\"{Shorten(raw!)}\" is not a {what} I know. Use one of: {string.Join(", ", allowed)}."));
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

        errors.Add(new(field, $"\"{Shorten(word)}\" is not a {what} I know. Use one of: {SignalVocabulary.Names<TEnum>()}."));
        return fallback;
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
            $"\"{Shorten(word)}\" is not a severity I know. Use one of: {SignalVocabulary.Names<Severity>()}, or 1 to 4 (1 low, 4 critical)."));
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
                    $"\"{Shorten(item)}\" cannot be a theme name: use letters, digits and dashes, at most {ThemeName.MaxLength} characters."));
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
                $"\"{Shorten(text)}\" is not a web link. The evidence link must start with https:// (or http://)."));
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

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
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
        return day == today ? now : Period.AtMidnight(day, zone);
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

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
