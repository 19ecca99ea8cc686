namespace CustomerPulseBot.Core.Commands;

/// <summary>
/// The buttons meaning adds to answers, as Core runs them (<see cref="PulseCommands.RunThemeActionAsync"/>): each
/// carries a value written by <see cref="ThemeButtons"/> and read back, and refused, in Core alone.
/// </summary>
public enum ThemeAction
{
    /// <summary>"Looks like #x — Add": tags the capture with the suggested theme, as the person's choice.</summary>
    Add,

    /// <summary>"New theme": tags the capture with the name the person typed beside the button.</summary>
    NewTheme,

    /// <summary>"Tagged #x (suggested) — Remove": takes the suggested tag off again.</summary>
    Remove,

    /// <summary>"Similar to a quote … — Merge": the capture counts once, with the earlier quote.</summary>
    Merge,

    /// <summary>"Similar to a quote … — Keep both": nothing changes; the confirmation is shown without the offer.</summary>
    KeepBoth,

    /// <summary>"Create theme" under a discovered theme: tags all its quotes with the proposed name.</summary>
    Create,
}
