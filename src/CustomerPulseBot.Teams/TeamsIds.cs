namespace CustomerPulseBot.Teams;

// Ids our cards send back to the bot, shared by the renderer and the dispatcher.
internal static class TeamsIds
{
    // The capture card's Action.Execute verb. It is also sent as ActionKey in the action's
    // data, so a client that treats Action.Execute as Action.Submit (a message with the data as its value)
    // still says which button was pressed.
    public const string CaptureSignal = "captureSignal";

    public const string ActionKey = "action";

    // Under an answer to a question in the person's own words: store the words (TextKey) as a quote after all.
    public const string SaveQuote = "saveQuote";

    // Under a capture confirmation: remove the signal (SignalKey) at once, or open the form to edit it in place.
    public const string UndoCapture = "undoCapture";
    public const string EditCapture = "editCapture";

    // Under a ranked theme: list all its quotes; TextKey carries the search command that does.
    public const string AllQuotes = "allQuotes";

    // Themes by meaning: under a capture's suggestion (Another theme is EditCapture's verb), its auto-tag, its
    // near-duplicate, and beside a discovered theme. ValueKey carries what Core's ThemeButtons wrote; NewThemeKey is
    // the text box the person types a new theme's name in.
    public const string AddTheme = "addTheme";
    public const string NewTheme = "newTheme";
    public const string RemoveTheme = "removeTheme";
    public const string MergeDuplicate = "mergeDuplicate";
    public const string KeepBoth = "keepBoth";
    public const string CreateTheme = "createTheme";
    public const string ValueKey = "value";

    // Under "Erase N signals of X?": erase (ValueKey carries what Core's ForgetConfirmation wrote), or keep them.
    public const string ForgetCustomer = "forgetCustomer";
    public const string KeepCustomer = "keepCustomer";
    public const string NewThemeKey = "newThemeName";

    public const string TextKey = "text";
    public const string SignalKey = "signal";

    // Data key of the capture card's Save action when the form edits a signal in place.
    public const string EditingKey = "editing";

    // Data key carrying the permalink of the message a capture started from (message extension).
    public const string PermalinkKey = "permalink";

    // The message extension action of manifests/teams/manifest.json ("Save as customer signal").
    public const string SaveSignalCommand = "saveSignal";

    // Invoke names we answer (teams-bot-framework.md, section 4); they are singular.
    public const string AdaptiveCardAction = "adaptiveCard/action";
    public const string FetchTask = "composeExtension/fetchTask";
    public const string SubmitAction = "composeExtension/submitAction";
}
