using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Exchange;

/// <summary>One signal sent by the API or an import: the draft, and who captured it when the caller says (else the key).</summary>
public sealed record IntakeRow(CaptureDraft Draft, ChatUser? CapturedBy = null);
