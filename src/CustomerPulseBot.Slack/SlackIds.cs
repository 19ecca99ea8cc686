namespace CustomerPulseBot.Slack;

/// <summary>Every id Slack routes on, in one place: the dispatcher, the renderers and the manifest test use these.</summary>
internal static class SlackIds
{
    public const string Command = "/pulse";

    /// <summary>The message shortcut "Save as customer signal".</summary>
    public const string SaveAsSignal = "save_signal";

    /// <summary>The capture modal's callback id.</summary>
    public const string CaptureModal = "pulse_capture";

    /// <summary>Button under a capture confirmation: post the saved quote for the channel to see.</summary>
    public const string ShareSignal = "share_signal";

    /// <summary>Button under an answer (top, trends, search, themes): post it for the channel to see.</summary>
    public const string PostToChannel = "post_to_channel";

    /// <summary>Button under an answer to a question in the person's own words: store the words as a quote after all.</summary>
    public const string SaveQuote = "save_quote";

    /// <summary>Button under a capture confirmation: remove the signal at once.</summary>
    public const string UndoCapture = "undo_capture";

    /// <summary>Button under a capture confirmation: open the capture modal prefilled, saved in place.</summary>
    public const string EditCapture = "edit_capture";

    /// <summary>Button beside a ranked theme: list all of its quotes (the value is a <c>search</c> command).</summary>
    public const string AllQuotes = "all_quotes";

    /// <summary>Under a capture's theme suggestion: tag it with the suggested theme.</summary>
    public const string AddTheme = "add_theme";

    /// <summary>Under a capture's theme suggestion: the capture modal, prefilled, to pick another theme (Edit's flow).</summary>
    public const string AnotherTheme = "another_theme";

    /// <summary>Under a capture's theme suggestion: tag it with the name typed in <see cref="NewThemeInput"/>.</summary>
    public const string NewTheme = "new_theme";

    /// <summary>The block and the text input beside New theme, read from the click's <c>state.values</c>.</summary>
    public const string NewThemeBlock = "new_theme_block";

    public const string NewThemeInput = "new_theme_name";

    /// <summary>Under a tag a confident suggestion made: take it off.</summary>
    public const string RemoveTheme = "remove_theme";

    /// <summary>Under a near-duplicate notice: merge the capture into the earlier quote, or keep both.</summary>
    public const string MergeDuplicate = "merge_duplicate";

    public const string KeepBoth = "keep_both";

    /// <summary>Beside a discovered theme (themes new, the weekly brief): create it, tagging all its quotes.</summary>
    public const string CreateTheme = "create_theme";

    /// <summary>Under "Erase N signals of X?": erase them (the value is what Core's ForgetConfirmation wrote), or keep them.</summary>
    public const string ForgetCustomer = "forget_customer";

    public const string KeepCustomer = "keep_customer";

    /// <summary>The capture modal's multi-select of existing themes (new ones are typed in the themes field).</summary>
    public const string KnownThemes = "known_themes";
}
