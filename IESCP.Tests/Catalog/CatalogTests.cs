using IESCP.Data;
using IESCP.Data.Catalog;
using IESCP.Data.Identity;

namespace IESCP.Tests.Catalog;

[Trait("Category", "Unit")]
public sealed class CatalogTests
{
    [Theory]
    [InlineData("AI", "Technology", true)]
    [InlineData("AI", "Food", false)]
    [InlineData("Vegan", "Food", true)]
    [InlineData("Unknown", "Food", false)]
    [InlineData(null, "Food", false)]
    public void A_niche_belongs_to_exactly_one_category(string? niche, string category, bool belongs) =>
        Assert.Equal(belongs, Niches.Belongs(niche, category));

    [Fact]
    public void Every_niche_name_is_unique_so_its_category_is_unambiguous()
    {
        Assert.Equal(Niches.All.Count, Niches.All.Distinct().Count());
        Assert.All(Niches.All, niche => Assert.True(Niches.Belongs(niche, Niches.CategoryOf(niche))));
    }

    [Theory]
    [InlineData(0.005, 1)]
    [InlineData(19.99, 1999)]
    [InlineData(1_000_000, 100_000_000)]
    public void Money_is_kept_in_whole_cents(double amount, long cents)
    {
        Assert.Equal(cents, Money.ToCents((decimal)amount));
        Assert.Equal(Money.FromCents(cents), Money.FromCents(Money.ToCents(Money.FromCents(cents))));
    }

    [Fact]
    public void Money_is_shown_in_us_dollars() => Assert.Equal("$1,234.50", Money.Format(123_450));

    [Fact]
    public void An_actor_of_another_role_is_refused_with_a_readable_message()
    {
        var influencer = new Actor("u1", Roles.Influencer);
        var error = Assert.Throws<ForbiddenException>(() => influencer.Require(Roles.Admin));
        Assert.Equal("This action is for admins only.", error.Message);
    }
}
