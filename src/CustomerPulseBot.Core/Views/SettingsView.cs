using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Views;

/// <summary>
/// The workspace's settings: <paramref name="TimeZone"/> (an IANA id, for anyone whose own zone the platform does not
/// send), <paramref name="WeekStart"/>, <paramref name="AutoTag"/> (confident theme suggestions tag by themselves) and
/// <paramref name="Redact"/> (personal data in captures is masked before it is stored).
/// <paramref name="Changed"/> names the one just changed, null when they were only asked for; <paramref name="YourZone"/>
/// is the asker's own zone when it differs, since it rules their answers.
/// </summary>
public sealed record SettingsView(
    string TimeZone, DayOfWeek WeekStart, WorkspaceSetting? Changed = null, string? YourZone = null, bool AutoTag = true, bool Redact = true) : View;
