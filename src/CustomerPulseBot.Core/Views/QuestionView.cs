using CustomerPulseBot.Core.Commands;

namespace CustomerPulseBot.Core.Views;

/// <summary>
/// The answer to a question asked in the person's own words: the answer itself, how the words were read,
/// what was not understood, and the offer "Save it as a customer quote instead" (nothing is stored unless
/// the person chooses it), which carries <see cref="Asked.Text"/>.
/// </summary>
public sealed record QuestionView(View Answer, Asked Asked) : View;
