using System.Data.Common;
using System.Globalization;
using CustomerPulseBot.Core.ApiKeys;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Customers;
using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage;

/// <summary>
/// The one mapping between rows and Core records, for both dialects. The select lists live here, next to
/// the code that reads them by position, so that a column added to one is added to the other.
/// Times are unix milliseconds in both databases (see the migrations); themes and aliases come back as
/// one space-separated string because theme names never contain a space (see <see cref="ThemeName"/>).
/// </summary>
internal static class Rows
{
    /// <summary>
    /// Columns of <c>signals s</c> read by <see cref="Signal"/>. The customer is shown as the workspace spells it
    /// most (see <see cref="CustomerName"/>), not as this one capture typed it.
    /// </summary>
    public const string SignalColumns = $"""
        s.id, s.workspace_id, s.quote, {CustomerName}, s.segment, s.source, s.kind, s.stage, s.severity,
        s.evidence_url, s.captured_by_id, s.captured_by_name, s.captured_in, s.said_at, s.captured_at,
        s.source_permalink,
        (SELECT string_agg(t.name, ' ' ORDER BY st.position)
           FROM signal_themes st JOIN themes t ON t.id = st.theme_id
          WHERE st.signal_id = s.id),
        (SELECT string_agg(t.name, ' ' ORDER BY st.position)
           FROM signal_themes st JOIN themes t ON t.id = st.theme_id
          WHERE st.signal_id = s.id AND st.suggested)
        """;

    public const int SignalColumnCount = 18;

    /// <summary>
    /// The customer of <c>s</c> as shown everywhere: the spelling used most for its key (after merges, the
    /// customer's own spellings before those a merge brought in; on a tie the earliest). A handful of rows per
    /// customer, read through their primary key.
    /// </summary>
    public const string CustomerName = """
        COALESCE((SELECT c.spelling FROM customer_spellings c
                   WHERE c.workspace_id = s.workspace_id AND c.customer_key = s.customer_key
                   ORDER BY c.merged, c.signals DESC, c.first_at, c.spelling
                   LIMIT 1), s.customer)
        """;

    /// <summary>Columns of <c>themes t</c> read by <see cref="Theme"/>.</summary>
    public const string ThemeColumns = """
        t.id, t.workspace_id, t.name, t.status, t.status_at, t.status_note, t.created_at,
        (SELECT string_agg(a.alias, ' ' ORDER BY a.alias) FROM theme_aliases a WHERE a.theme_id = t.id)
        """;

    /// <summary>Columns of <c>workspaces w</c> read by <see cref="Workspace"/>.</summary>
    public const string WorkspaceColumns = "w.id, w.platform, w.external_id, w.name, w.week_start, w.time_zone, w.created_at, w.auto_tag, w.redact";

    /// <summary>
    /// Columns of <c>subscriptions</c> read by <see cref="Subscription"/>, unqualified so that an upsert's
    /// RETURNING can name them too.
    /// </summary>
    public const string SubscriptionColumns =
        "id, workspace_id, kind, platform, channel_id, cadence, day, at, time_zone, segment, theme, customer, skip_empty, created_by, created_at";

    /// <summary>Columns of <c>api_keys</c> read by <see cref="ApiKey"/>, unqualified so that RETURNING can name them too.</summary>
    public const string ApiKeyColumns = "id, workspace_id, name, scope, hint, created_at, created_by, revoked_at";

    /// <summary>
    /// Columns of <c>customers c</c> read by <see cref="Customer"/>, which reads one more after them: a count of signals,
    /// or null.
    /// </summary>
    public const string CustomerColumns = "c.customer_key, c.name, c.segment, c.plan, c.arr, c.owner";

    public static Signal Signal(DbDataReader r) => new(
        r.GetGuid(0),
        new WorkspaceId(r.GetGuid(1)),
        r.GetString(2),
        Text(r, 3),
        Text(r, 4),
        Text(r, 5),
        Parse<SignalKind>(r.GetString(6)),
        Text(r, 7) is { } stage ? Parse<JourneyStage>(stage) : null,
        Names(Text(r, 16)),
        (Severity)r.GetInt32(8),
        Text(r, 9),
        new ChatUser(r.GetString(10), r.GetString(11)),
        Text(r, 12),
        Time(r.GetInt64(13)),
        Time(r.GetInt64(14)),
        Text(r, 15))
    {
        SuggestedThemes = Names(Text(r, 17)),
    };

    public static Theme Theme(DbDataReader r) => new(
        r.GetGuid(0),
        new WorkspaceId(r.GetGuid(1)),
        r.GetString(2),
        Names(Text(r, 7)),
        Parse<ThemeStatus>(r.GetString(3)),
        r.IsDBNull(4) ? null : Time(r.GetInt64(4)),
        Text(r, 5),
        Time(r.GetInt64(6)));

    public static Workspace Workspace(DbDataReader r) => new(
        new WorkspaceId(r.GetGuid(0)),
        Parse<Platform>(r.GetString(1)),
        r.GetString(2),
        r.GetString(3),
        Parse<DayOfWeek>(r.GetString(4)),
        r.GetString(5),
        Time(r.GetInt64(6)),
        r.GetBoolean(7),
        r.GetBoolean(8));

    public static Subscription Subscription(DbDataReader r) => new(
        r.GetGuid(0),
        Parse<SubscriptionKind>(r.GetString(2)),
        new WorkspaceId(r.GetGuid(1)),
        Parse<Platform>(r.GetString(3)),
        r.GetString(4),
        Parse<DigestCadence>(r.GetString(5)),
        Text(r, 6) is { } day ? Parse<DayOfWeek>(day) : null,
        TimeOnly.ParseExact(r.GetString(7), TimeOfDay, CultureInfo.InvariantCulture),
        r.GetString(8),
        new QueryFilters(Text(r, 9), Text(r, 10), Text(r, 11)),
        r.GetBoolean(12),
        r.GetString(13),
        Time(r.GetInt64(14)));

    public static ApiKey ApiKey(DbDataReader r) => new(
        r.GetGuid(0),
        new WorkspaceId(r.GetGuid(1)),
        r.GetString(2),
        Parse<ApiKeyScope>(r.GetString(3)),
        r.GetString(4),
        Time(r.GetInt64(5)),
        r.GetString(6),
        r.IsDBNull(7) ? null : Time(r.GetInt64(7)));

    /// <summary>A customer without its aliases (the caller adds them), its key and its count of signals.</summary>
    public static (string Key, CustomerProfile Customer, int Signals) Customer(DbDataReader r) => (
        r.GetString(0),
        new CustomerProfile(r.GetString(1), [], Text(r, 2), Text(r, 3), r.IsDBNull(4) ? null : r.GetDecimal(4), Text(r, 5)),
        r.IsDBNull(6) ? 0 : (int)r.GetInt64(6));

    /// <summary>Reads: theme name (null: untagged), signals, distinct customer keys, anonymous, days, severity sum, max.</summary>
    public static ThemeStats ThemeStats(DbDataReader r)
    {
        var signals = r.GetInt64(1);
        return new(
            Text(r, 0),
            (int)signals,
            (int)r.GetInt64(2),
            (int)r.GetInt64(3),
            (int)r.GetInt64(4),
            (double)r.GetInt64(5) / signals,
            (int)r.GetInt64(6));
    }

    public const long MillisecondsPerDay = 86_400_000;

    public static long Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    public static DateTimeOffset Time(long millis) => DateTimeOffset.FromUnixTimeMilliseconds(millis);

    /// <summary>A schedule's local time of day: the recurring job fires on the minute.</summary>
    public const string TimeOfDay = "HH:mm";

    public static string Word<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>Distinct customers are counted on this key, so "Acme " and "acme" are one customer.</summary>
    public static string? CustomerKey(string? customer) =>
        string.IsNullOrWhiteSpace(customer) ? null : customer.Trim().ToLowerInvariant();

    /// <summary>The spelling of a customer that <c>customer_spellings</c> counts: as typed, without the spaces around it.</summary>
    public static string? CustomerSpelling(string? customer) =>
        string.IsNullOrWhiteSpace(customer) ? null : customer.Trim();

    private static string? Text(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static TEnum Parse<TEnum>(string text) where TEnum : struct, Enum => Enum.Parse<TEnum>(text, ignoreCase: true);

    private static IReadOnlyList<string> Names(string? joined) =>
        joined is null ? [] : joined.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
