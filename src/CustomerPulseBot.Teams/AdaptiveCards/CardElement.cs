using System.Text.Json.Serialization;

namespace CustomerPulseBot.Teams.AdaptiveCards;

// An element of a card's body; the "type" names are the ones the Adaptive Cards schema uses.
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
internal abstract record CardElement
{
    public Spacing? Spacing { get; init; }

    public bool? Separator { get; init; }
}
