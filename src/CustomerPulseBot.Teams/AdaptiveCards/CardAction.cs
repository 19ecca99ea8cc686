using System.Text.Json.Serialization;

namespace CustomerPulseBot.Teams.AdaptiveCards;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
internal abstract record CardAction(string Title);
