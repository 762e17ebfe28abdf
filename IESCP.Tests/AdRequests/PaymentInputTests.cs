using IESCP.Data;
using IESCP.Data.AdRequests;
using IESCP.Tests.Infrastructure;

namespace IESCP.Tests.AdRequests;

[Trait("Category", "Unit")]
public sealed class PaymentInputTests
{
    [Theory]
    [InlineData("4242 4242 4242 4242", true)]
    [InlineData("5555-5555-5555-4444", true)]
    [InlineData("378282246310005", true)]
    [InlineData("4242 4242 4242 4241", false)]
    [InlineData("424242424242", false)]
    [InlineData("4242 4242 4242 424a", false)]
    [InlineData("42424242424242424242", false)]
    public void A_card_number_needs_13_to_19_digits_that_pass_the_Luhn_check(string number, bool valid)
    {
        Assert.Equal(valid, PaymentInput.IsCardNumber(number));
    }

    [Fact]
    public void An_expired_card_and_a_bad_code_are_reported_on_their_fields()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero));
        var card = Marketplace.Card();
        card.Expiry = "10/26";
        card.Cvc = "12";

        var result = CommandResult.Validate(card, clock);

        Assert.Equal([("Cvc", "The security code is 3 or 4 digits."), ("Expiry", "This card has expired.")], result.Errors.OrderBy(e => e.Field));
        card.Expiry = "11/26";
        card.Cvc = "1234";
        Assert.True(CommandResult.Validate(card, clock).Succeeded);
    }

    [Theory]
    [InlineData("4242424242424242", "Visa")]
    [InlineData("5555555555554444", "Mastercard")]
    [InlineData("378282246310005", "American Express")]
    [InlineData("6011111111111117", "Discover")]
    public void Only_the_brand_and_last_four_digits_are_taken_from_the_number(string number, string brand)
    {
        var card = new PaymentInput { CardNumber = number };

        Assert.Equal((brand, number[^4..]), (card.Brand, card.Last4));
    }
}
