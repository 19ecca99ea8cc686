using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CustomerPulseBot.Core.Signals;

/// <summary>
/// Finds e-mail addresses, phone numbers, payment card numbers, IBANs and secrets of known shapes in free text, and masks
/// them as <c>[email]</c>, <c>[phone]</c>, <c>[card]</c>, <c>[iban]</c> and <c>[secret]</c>. Numbers are judged by
/// their shape, not their digits alone: a card number must pass the Luhn check and start as a card brand does, an IBAN
/// its country's length and the mod-97 check, and a phone number needs a +, a trunk 0, a national layout or a word such
/// as "call" before it, so order numbers, dates, times, versions, amounts and plain numbers stay as they are.
/// Every pattern is source-generated, linear in the text, and bounded by a timeout against hostile input.
/// </summary>
public static partial class PersonalData
{
    private const int TimeoutMs = 1000;

    /// <summary>The text with every finding replaced by its mark, and how many of each kind there were.</summary>
    public static (string Text, PersonalDataFound Found) Mask(string text)
    {
        var spans = Find(text);
        if (spans.Count == 0)
        {
            return (text, PersonalDataFound.None);
        }

        var masked = new StringBuilder(text.Length);
        var found = PersonalDataFound.None;
        var at = 0;
        foreach (var span in spans)
        {
            masked.Append(text, at, span.Start - at).Append(Mark(span.Kind));
            found += PersonalDataFound.Of(span.Kind);
            at = span.End;
        }

        return (masked.Append(text, at, text.Length - at).ToString(), found);
    }

    public static string Mark(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Email => "[email]",
        PersonalDataKind.Phone => "[phone]",
        PersonalDataKind.Card => "[card]",
        PersonalDataKind.Iban => "[iban]",
        _ => "[secret]",
    };

    /// <summary>
    /// Every finding, in text order, none overlapping: where two kinds claim the same characters, the one earlier in
    /// <see cref="PersonalDataKind"/> keeps them (the digits inside a token are not also a phone number).
    /// </summary>
    internal static IReadOnlyList<Span> Find(string text)
    {
        var candidates = new List<Span>();
        Secrets(text, candidates);
        Emails(text, candidates);
        Ibans(text, candidates);
        Numbers(text, candidates);

        var taken = new bool[text.Length];
        var kept = new List<Span>();
        foreach (var span in candidates.OrderBy(c => c.Kind).ThenBy(c => c.Start))
        {
            if (Array.IndexOf(taken, true, span.Start, span.Length) >= 0)
            {
                continue;
            }

            Array.Fill(taken, true, span.Start, span.Length);
            kept.Add(span);
        }

        return kept.OrderBy(s => s.Start).ToList();
    }

    internal readonly record struct Span(int Start, int Length, PersonalDataKind Kind)
    {
        public int End => Start + Length;
    }

    // Secrets ---------------------------------------------------------------------------------------------------------

    /// <summary>
    /// Private key blocks (to their END line, or to the end of a pasted half), Slack, AWS, Stripe, GitHub, Google and
    /// OpenAI-style keys, JSON web tokens, and the token after "Bearer".
    /// </summary>
    [GeneratedRegex("""
        -----BEGIN[ A-Z0-9]{0,40}PRIVATE\ KEY(?:\ BLOCK)?-----.*?(?:-----END[ A-Z0-9]{0,40}PRIVATE\ KEY(?:\ BLOCK)?-----|\z)
        | (?<![A-Za-z0-9_-])
          (?:xox[abeoprs](?:\.xox[abeoprs])?-[A-Za-z0-9-]{10,250}
           | xapp-[0-9]-[A-Za-z0-9-]{10,250}
           | (?:AKIA|ASIA)[A-Z0-9]{16}
           | (?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,250}
           | gh[pousr]_[A-Za-z0-9]{30,250}
           | github_pat_[A-Za-z0-9_]{22,250}
           | AIza[A-Za-z0-9_-]{35}
           | eyJ[A-Za-z0-9_-]{6,2000}\.eyJ[A-Za-z0-9_-]{6,4000}\.[A-Za-z0-9_-]{6,2000}
           | sk-(?:proj-|ant-)?[A-Za-z0-9_-]{32,250})
          (?![A-Za-z0-9_-])
        | (?<=\b[Bb][Ee][Aa][Rr][Ee][Rr]\ {1,3})[A-Za-z0-9._~+/-]{16,4000}=*
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex SecretPattern();

    private static void Secrets(string text, List<Span> found)
    {
        foreach (Match m in SecretPattern().Matches(text))
        {
            // A bearer token or an sk- key has digits: "Bearer authentication-required" is words.
            var spelledOut = m.Value.StartsWith("-----", StringComparison.Ordinal) || m.Value.Any(char.IsAsciiDigit);
            if (spelledOut)
            {
                found.Add(new(m.Index, m.Length, PersonalDataKind.Secret));
            }
        }
    }

    // E-mail addresses ------------------------------------------------------------------------------------------------

    /// <summary>
    /// A local part, @, and a domain of letters in any script ending in a top-level name of letters (or xn-- for one
    /// in punycode); not git@host:path, which is a repository. Slack sends typed addresses as
    /// &lt;mailto:a@b.c|a@b.c&gt;: that is one address.
    /// </summary>
    [GeneratedRegex("""
        <mailto:(?<wrapped>[^|>\s]{1,254})(?:\|[^>\r\n]{0,254})?>
        | (?<![\p{L}\p{N}\p{M}._%+'-])
          (?<local>[\p{L}\p{N}_%+'-](?:[\p{L}\p{N}\p{M}._%+'-]{0,62}[\p{L}\p{N}\p{M}_%+'-])?)
          @(?<domain>(?:[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}-]{0,61}[\p{L}\p{N}\p{M}])?\.){1,8}(?:\p{L}[\p{L}\p{M}]{1,23}|xn--[a-z0-9-]{1,59}))
          (?![\p{L}\p{N}\p{M}_-]|\.[\p{L}\p{N}]|:[^\s])
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex EmailPattern();

    /// <summary>"icon@2x.png": a picture's pixel density, not an address.</summary>
    [GeneratedRegex(@"^[0-9]+(?:\.[0-9]+)?x\.", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex DensitySuffix();

    private static void Emails(string text, List<Span> found)
    {
        foreach (Match m in EmailPattern().Matches(text))
        {
            var address = m.Groups["wrapped"].Success
                ? m.Groups["wrapped"].Value.Contains('@')
                : !DensitySuffix().IsMatch(m.Groups["domain"].Value) && !m.Groups["local"].Value.StartsWith('.');
            if (address)
            {
                found.Add(new(m.Index, m.Length, PersonalDataKind.Email));
            }
        }
    }

    // IBANs -----------------------------------------------------------------------------------------------------------

    /// <summary>Where an IBAN may start: a country code and two check digits, not inside a longer word.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])[A-Z]{2}[0-9]{2}(?=[ ]?[A-Z0-9])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex IbanStart();

    /// <summary>IBAN lengths by country, from the IBAN registry.</summary>
    private static readonly Dictionary<string, int> IbanLengths = new()
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22, ["BH"] = 22,
        ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DK"] = 18, ["DO"] = 28,
        ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22, ["GI"] = 23,
        ["GL"] = 18, ["GR"] = 27, ["GT"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26,
        ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20,
        ["LV"] = 21, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NL"] = 18,
        ["NO"] = 15, ["PK"] = 24, ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["SA"] = 24,
        ["SC"] = 31, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["ST"] = 25, ["SV"] = 28, ["TL"] = 23, ["TN"] = 24,
        ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20,
    };

    private static void Ibans(string text, List<Span> found)
    {
        foreach (Match m in IbanStart().Matches(text))
        {
            if (IbanLengths.TryGetValue(m.Value[..2], out var length) && IbanAt(text, m.Index, length) is { } end)
            {
                found.Add(new(m.Index, end - m.Index, PersonalDataKind.Iban));
            }
        }
    }

    /// <summary>
    /// Where the IBAN starting at <paramref name="start"/> ends, or null: <paramref name="length"/> letters and digits,
    /// written whole or in groups of four split by single spaces, not running on into more of them, and passing mod 97.
    /// </summary>
    private static int? IbanAt(string text, int start, int length)
    {
        var compact = new StringBuilder(length);
        var i = start;
        var spaced = false;
        while (compact.Length < length && i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))
            {
                compact.Append(c);
                i++;
            }
            else if (c == ' ' && compact.Length % 4 == 0 && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1])
                     && (spaced || compact.Length == 4))
            {
                spaced = true;
                i++;
            }
            else
            {
                return null;
            }
        }

        // Written in groups, the last group ends the IBAN; written whole, it may not run on.
        if (compact.Length < length || (i < text.Length && char.IsLetterOrDigit(text[i])))
        {
            return null;
        }

        var check = 0;
        foreach (var c in compact.ToString(4, length - 4) + compact.ToString(0, 4))
        {
            check = char.IsAsciiDigit(c) ? (check * 10 + (c - '0')) % 97 : (check * 100 + (c - 'A' + 10)) % 97;
        }

        return check == 1 ? i : null;
    }

    // Card and phone numbers ------------------------------------------------------------------------------------------

    /// <summary>
    /// A run of digit groups joined by single separators (space, dash, dot, slash, a spaced dash or slash) or by an
    /// area code in brackets, with a leading + (or a country code in brackets, "(+34)") for international numbers.
    /// Each run is read as groups below.
    /// </summary>
    [GeneratedRegex("""
        (?:\+[ ]?|\(\+[0-9]{1,4}\)[ ]?)?(?:\([0-9]{1,5}\)[ ]?)?[0-9]+(?:(?:[-./]|[ ][-/][ ]|[ ]|[ ]?\([0-9]{1,5}\)[ ]?)[0-9]+)*
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex NumberRun();

    /// <summary>
    /// A word that says a phone number follows ("call", "Tel.", "mobile:", "WhatsApp me at"), at the end of the text
    /// before a number, in the languages of the phone layouts read below.
    /// </summary>
    [GeneratedRegex("""
        \b(?:phone|phones|telephone|tel|mobile|mob|cell|cellphone|call|ring|dial|fax|whatsapp|sms|text|reach|contact|hotline
          |telefon|telefonnummer|handy|mobil|ruf|anrufen|t[ée]l[ée]phone|t[ée]l|portable|appelle[rz]?|celular|telefone|fone
          |ligue|tel[ée]fono|m[óo]vil|llama|llame|chiama|chiamami|cellulare|bel|n[úu]mero|cel|whats|電話|電話番号|携帯|फ़ोन)
        [^\p{L}\p{N}\r\n]{0,4}
        (?:(?:me|us|him|her|them|at|on|is|no|nr|number|nummer|num[ée]ro|back|via|under|unter|au|al|em|line|direct)[^\p{L}\p{N}\r\n]{1,4}){0,3}
        \z
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex PhoneCue();

    /// <summary>
    /// A word that names some other number just before it ("order", "ticket no.", "Kundennummer", "account"): what
    /// follows is that number, whatever its layout, unless it starts with +.
    /// </summary>
    [GeneratedRegex("""
        \b(?:orders?|tickets?|case|invoice|inv|ref|reference|serial|sku|lot|batch|tracking|shipment|parcel|po|id|account|acct
          |contract|member|membership|policy|claim|transaction|txn|receipt|customer|client|meeting|code|pin|passcode
          |bestellung|bestellnummer|kundennummer|rechnung|rechnungsnummer|auftrag|auftragsnummer|vertrag|vertragsnummer|konto
          |pedido|commande|facture|r[ée]f[ée]rence|referencia|fattura|ordine)
        (?:[ .:#-]{0,3}(?:id|no|nr|number|nummer|num[ée]ro|n[úu]mero|num|is|was|\#)){0,3}
        [ .:#-]{0,3}\z
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex OtherNumber();

    /// <summary>A currency just before a number: it is an amount.</summary>
    [GeneratedRegex(@"(?:[$€£¥₹₩₽]|\b(?:USD|EUR|GBP|CHF|JPY|INR|BRL|AUD|CAD|R\$|Rs\.?|US\$))[ ]?\z", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex CurrencyBefore();

    /// <summary>A currency just after a number: it is an amount.</summary>
    [GeneratedRegex(@"^[ ]?(?:[$€£¥₹₩₽]|(?:USD|EUR|GBP|CHF|JPY|INR|BRL|AUD|CAD|euros?|dollars?|pounds?|reais|rupees|yen)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex CurrencyAfter();

    /// <summary>One group of digits in a run: where it is, its digits, whether it was in brackets, and what came before it.</summary>
    private sealed record Group(int Start, int End, string Digits, bool Bracketed, string Before);

    /// <summary>Slack sends a phone number it recognised as &lt;tel:+14155550132|+1 415 555 0132&gt;: that is one number.</summary>
    [GeneratedRegex(@"<tel:[^|>\s]{3,40}(?:\|[^>\r\n]{0,60})?>", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex WrappedPhone();

    /// <summary>The most groups a card or phone number is written in; a longer run is read from its start only this far.</summary>
    private const int MostGroups = 8;

    private static void Numbers(string text, List<Span> found)
    {
        foreach (Match m in WrappedPhone().Matches(text))
        {
            found.Add(new(m.Index, m.Length, PersonalDataKind.Phone));
        }

        foreach (Match m in NumberRun().Matches(text))
        {
            var international = m.Value.StartsWith('+') || m.Value.StartsWith("(+", StringComparison.Ordinal);
            // "C++ 11", "3+4" and "ORD-2024-00017" are no numbers of their own.
            if (AttachedBefore(text, m.Index))
            {
                continue;
            }

            var amount = Amount(text, m);
            var before = text.AsSpan(Math.Max(0, m.Index - 40), Math.Min(40, m.Index));
            var named = !international && OtherNumber().IsMatch(before);
            var cued = PhoneCue().IsMatch(before);
            var groups = Groups(m);
            var from = m.Index;
            // A run can hold several numbers ("0171 1234567 - 0172 7654321"): after one, the rest is read again.
            while (groups.Count > 0)
            {
                var number = (international ? null : Card(text, from, groups))
                    ?? (amount || named ? null : Phone(text, from, groups, international, cued));
                if (number is not (var span, var used))
                {
                    break;
                }

                found.Add(span);
                groups.RemoveRange(0, used);
                from = groups.Count > 0 ? groups[0].Start - (groups[0].Bracketed ? 1 : 0) : 0;
                international = false;
            }
        }
    }

    private static List<Group> Groups(Match run)
    {
        var groups = new List<Group>();
        var value = run.Value;
        var i = 0;
        var before = new StringBuilder();
        while (i < value.Length)
        {
            if (char.IsAsciiDigit(value[i]))
            {
                var end = i;
                while (end < value.Length && char.IsAsciiDigit(value[end]))
                {
                    end++;
                }

                var bracketed = i > 0 && value[i - 1] == '(';
                groups.Add(new(run.Index + i, run.Index + end, value[i..end], bracketed, before.ToString().Trim('(', ')', '+')));
                before.Clear();
                i = end;
            }
            else
            {
                before.Append(value[i]);
                i++;
            }
        }

        return groups;
    }

    /// <summary>
    /// A letter, digit or a sign that makes the run part of something else just before it: ORD-2024-00017, INC0012345,
    /// #12345, $1,200, v4.2, a path in a link.
    /// </summary>
    private static bool AttachedBefore(string text, int start)
    {
        if (start == 0)
        {
            return false;
        }

        var c = text[start - 1];
        var beforeThat = start > 1 ? text[start - 2] : ' ';
        return char.IsLetterOrDigit(c) || c is '+' or '#' or '_' or '/' or '\\' or '@' or '=' or '&' or '§' or '№' or '~'
            || char.GetUnicodeCategory(c) == UnicodeCategory.CurrencySymbol
            || (c is '-' or '.' or ',' && char.IsLetterOrDigit(beforeThat))
            || (c == ':' && char.IsDigit(beforeThat));
    }

    /// <summary>Something just after <paramref name="end"/> that makes the digits part of something else: 12%, 3.5, 10:30, 4kg.</summary>
    private static bool AttachedAfter(string text, int end)
    {
        if (end >= text.Length)
        {
            return false;
        }

        var c = text[end];
        var next = end + 1 < text.Length ? text[end + 1] : ' ';
        return char.IsLetterOrDigit(c) || c is '%' or '‰' or '°' or '_' or '@'
            || char.GetUnicodeCategory(c) == UnicodeCategory.CurrencySymbol
            || (c is '.' or ',' or ':' or '-' or '/' && char.IsDigit(next));
    }

    private static bool Amount(string text, Match run) =>
        CurrencyBefore().IsMatch(text.AsSpan(Math.Max(0, run.Index - 5), Math.Min(5, run.Index)))
        || CurrencyAfter().IsMatch(text.AsSpan(run.Index + run.Length, Math.Min(10, text.Length - run.Index - run.Length)));

    /// <summary>
    /// The longest window of groups from the start of the run (<paramref name="from"/>, where a + or a bracket may come
    /// before the first group) that <paramref name="accept"/> takes, and how many groups it holds. A window never ends
    /// in a group of one digit ("0958 2 times").
    /// </summary>
    private static (Span Span, int Groups)? Window(
        string text, int from, List<Group> groups, PersonalDataKind kind, Func<IReadOnlyList<Group>, string, bool> accept)
    {
        for (var count = Math.Min(groups.Count, MostGroups); count > 0; count--)
        {
            var window = groups.GetRange(0, count);
            // Inside the run, what follows a shorter window is the run's next group, not something it is attached to.
            if (window[^1].Digits.Length > 1 && (count < groups.Count || !AttachedAfter(text, window[^1].End))
                && accept(window, string.Concat(window.Select(g => g.Digits))))
            {
                return (new Span(from, window[^1].End - from, kind), count);
            }
        }

        return null;
    }

    // Cards: 13 to 19 digits, whole or in the groups card brands print, starting as a brand does, passing Luhn.

    private static readonly string[] CardLayouts = ["4-4-4-4", "4-4-4-4-3", "4-6-5", "4-6-4", "4-4-4-1", "4-4-4-3", "4-4-4-2"];

    private static (Span, int)? Card(string text, int from, List<Group> groups) =>
        Window(text, from, groups, PersonalDataKind.Card, (window, digits) =>
            digits.Length is >= 13 and <= 19
            && !window.Any(g => g.Bracketed)
            && (window.Count == 1
                || (CardLayouts.Contains(string.Join('-', window.Select(g => g.Digits.Length)))
                    && window.Skip(1).Select(g => g.Before).Distinct().ToList() is [" " or "-"]))
            && CardBrand(digits) && Luhn(digits));

    /// <summary>
    /// Visa, Mastercard, American Express, Discover, JCB, Diners Club, UnionPay, Maestro and Mir, by their leading digits
    /// and lengths (a 15-digit number starting 35 is a phone's IMEI, not a JCB card).
    /// </summary>
    private static bool CardBrand(string digits)
    {
        var length = digits.Length;
        var two = int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var three = int.Parse(digits.AsSpan(0, 3), CultureInfo.InvariantCulture);
        var four = int.Parse(digits.AsSpan(0, 4), CultureInfo.InvariantCulture);
        return (digits[0] == '4' && length is 13 or 16 or 19)
            || (two is >= 51 and <= 55 || four is >= 2221 and <= 2720) && length == 16
            || two is 34 or 37 && length == 15
            || (four == 6011 || three is >= 644 and <= 649 || two == 65) && length >= 16
            || four is >= 3528 and <= 3589 && length >= 16
            || (three is >= 300 and <= 305 || two is 36 or 38 or 39) && length >= 14
            || two == 62 && length >= 16
            || (two is 50 or 56 or 57 or 58 or 67 || four == 6304) && length >= 13
            || four is >= 2200 and <= 2204 && length >= 16;
    }

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }

        return sum % 10 == 0;
    }

    // Phones.

    private static (Span, int)? Phone(string text, int from, List<Group> groups, bool international, bool cued)
    {
        var phone = Window(text, from, groups, PersonalDataKind.Phone, (window, digits) =>
        {
            if (LooksLikeDate(window) || LooksLikeAddress(window))
            {
                return false;
            }

            if (international)
            {
                // +12 500 000: a change in an amount, written in thousands.
                var thousands = window.Count > 2 && window.Skip(1).All(g => g.Digits.Length == 3) && window[^1].Digits == "000";
                return digits.Length is >= 8 and <= 15 && digits[0] != '0' && !thousands;
            }

            if (cued && digits.Length is >= 7 and <= 15)
            {
                return true;
            }

            return window.Count > 1 && (
                DialledAbroad(window, digits)
                || TrunkPrefixed(window, digits)
                || AreaCodeInBrackets(window)
                || NorthAmerican(window)
                || NationalMobile(window, digits));
        });
        return phone is (var span, var used) ? WithExtension(text, span.Start, groups, used) : null;
    }

    /// <summary>
    /// 089 12 34 56-0, 030 1234 5678-22: a dash and a few digits after a number written without dashes is its extension,
    /// when nothing follows it.
    /// </summary>
    private static (Span, int) WithExtension(string text, int start, List<Group> groups, int used)
    {
        var extended = used < groups.Count && used == groups.Count - 1
            && groups[used] is { Before: "-", Digits.Length: <= 4 } extension
            && groups.Take(used).Skip(1).All(g => !g.Before.Contains('-'))
            && !AttachedAfter(text, extension.End);
        var end = groups[extended ? used : used - 1].End;
        return (new Span(start, end - start, PersonalDataKind.Phone), extended ? used + 1 : used);
    }

    /// <summary>0049 30 1234567: the international prefix dialled as 00.</summary>
    private static bool DialledAbroad(IReadOnlyList<Group> window, string digits) =>
        digits.StartsWith("00", StringComparison.Ordinal) && digits[2] != '0' && digits.Length is >= 11 and <= 17
        && window[0].Digits.Length >= 4 && !window[0].Bracketed;

    /// <summary>
    /// 020 7946 0958, 030 12345678, 01 42 68 53 00, 03-1234-5678, (02) 9876 5432, 022 2345 6789: a trunk 0, 9 to 12
    /// digits, one separator throughout (the one after the area code may differ: 020-123 4567).
    /// </summary>
    private static bool TrunkPrefixed(IReadOnlyList<Group> window, string digits) =>
        digits.Length is >= 9 and <= 12 && digits[0] == '0' && digits[1] != '0'
        && window[0].Digits.Length is >= 2 and <= 5 && OneSeparator(window);

    /// <summary>
    /// (415) 555-0132, (11) 91234-5678, 1 (800) 555-0199, 8 (495) 123-45-67: an area code in brackets (after the
    /// long-distance 1 or 8), 10 or 11 digits.
    /// </summary>
    private static bool AreaCodeInBrackets(IReadOnlyList<Group> window)
    {
        var from = window[0].Digits is "1" or "8" && window.Count > 1 && window[1].Bracketed ? 1 : 0;
        var rest = window.Skip(from).ToList();
        var national = string.Concat(rest.Select(g => g.Digits));
        return rest[0].Bracketed && rest[0].Digits.Length is 2 or 3 && rest[0].Digits[0] != '0'
            && national.Length is 10 or 11 && rest.Count > 1 && OneSeparator(rest);
    }

    /// <summary>415-555-0132, 415.555.0132, 415 555 0132, 1-800-555-0199: area code and exchange not starting 0 or 1.</summary>
    private static bool NorthAmerican(IReadOnlyList<Group> window)
    {
        var rest = window[0].Digits == "1" ? window.Skip(1).ToList() : window.ToList();
        return rest is [{ Digits.Length: 3 } area, { Digits.Length: 3 } exchange, { Digits.Length: 4 }]
            && area.Digits[0] >= '2' && exchange.Digits[0] >= '2'
            && rest.Skip(1).Select(g => g.Before).Distinct().Count() == 1 && rest[1].Before is " " or "-" or "."
            && (rest.Count == window.Count || rest[0].Before is " " or "-" or ".");
    }

    /// <summary>
    /// Layouts without a trunk 0: Indian mobiles (98765 43210), Brazilian numbers (11 91234-5678), Australian 1300 and
    /// 1800 numbers (1300 123 456), Spanish numbers (612 34 56 78, 912 345 678), Chinese mobiles (138 0013 8000).
    /// </summary>
    private static bool NationalMobile(IReadOnlyList<Group> window, string digits)
    {
        var layout = string.Join('-', window.Select(g => g.Digits.Length));
        var separators = window.Skip(1).Select(g => g.Before).ToList();
        var spaced = separators.All(s => s == " ");
        return (layout == "5-5" && digits[0] >= '6' && separators[0] is " " or "-")
            || (layout is "2-5-4" or "2-4-4" && digits[0] != '0' && digits[1] != '0' && separators is [" ", "-"])
            || (layout == "4-3-3" && spaced && digits[..4] is "1300" or "1800" or "1900")
            || (layout == "3-2-2-2" && spaced && digits[0] >= '6')
            || (layout == "3-3-3" && spaced && digits[0] >= '6' && !digits.EndsWith("000", StringComparison.Ordinal))
            || (layout == "3-4-4" && digits[0] == '1' && digits[1] >= '3' && separators.Distinct().ToList() is [" " or "-"]);
    }

    /// <summary>One separator between the groups, not counting the brackets of an area code and what surrounds them; the first may differ.</summary>
    private static bool OneSeparator(IReadOnlyList<Group> window)
    {
        var separators = window.Skip(1)
            .Where((g, i) => !g.Bracketed && !window[i].Bracketed)
            .Select(g => g.Before)
            .ToList();
        return separators.Skip(1).Distinct().Count() <= 1
            && separators.All(s => s is " " or "-" or "." or "/" or " - " or " / ");
    }

    /// <summary>15.03.2024, 2024-03-15, 03/15/24: day, month and year in any order.</summary>
    private static bool LooksLikeDate(IReadOnlyList<Group> window) =>
        window.Count == 3 && window.Skip(1).All(g => g.Before is "." or "/" or "-")
        && window.Select(g => g.Digits.Length).ToList() is [1 or 2, 1 or 2, 2 or 4] or [4, 1 or 2, 1 or 2];

    /// <summary>192.168.10.20: four numbers to 255 between dots.</summary>
    private static bool LooksLikeAddress(IReadOnlyList<Group> window) =>
        window.Count == 4 && window.Skip(1).All(g => g.Before == ".") && window.All(g => g.Digits.Length <= 3 && int.Parse(g.Digits) <= 255);
}
