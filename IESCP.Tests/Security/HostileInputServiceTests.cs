using IESCP.Data;
using IESCP.Data.AdRequests;
using IESCP.Data.Admin;
using IESCP.Data.ApiTokens;
using IESCP.Data.Campaigns;
using IESCP.Data.ChatWebhooks;
using IESCP.Data.Exports;
using IESCP.Data.Identity;
using IESCP.Data.Influencers;
using IESCP.Data.Reviews;
using IESCP.Data.Sponsors;
using IESCP.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IESCP.Tests.Security.HostileInputs;

namespace IESCP.Tests.Security;

/// <summary>
/// The hostile input corpus (<see cref="HostileInputs"/>) against the service behind every form:
/// each input is refused with a message on its field and the database stays byte for byte as it
/// was, or (legitimate text) is stored exactly as typed, trimmed. Nothing throws.
/// </summary>
[Trait("Category", "Integration")]
public sealed class HostileInputServiceTests : IAsyncLifetime
{
    private readonly TestDatabase db = new();
    private readonly List<string> problems = [];
    private int refused;
    private int accepted;
    private Actor admin = default!;
    private Actor sponsor = default!;
    private Actor influencer = default!;
    private int campaignId;

    public async Task InitializeAsync()
    {
        await db.InitializeAsync();
        admin = await db.AdminAsync();
        sponsor = await db.CreateSponsorAsync("Corpus Sponsor");
        influencer = await db.CreateInfluencerAsync("Corpus Influencer");
        campaignId = await db.CreateCampaignAsync(sponsor, budget: 1_000_000m);
    }

    public Task DisposeAsync() => db.DisposeAsync();

    /// <summary>The rules of one free-text field, from its input class.</summary>
    private sealed record TextField(string Name, bool Required, int Max, int Min = 0)
    {
        public bool Accepts(string? value) =>
            (value ?? "").All(c => !char.IsControl(c) || c is '\t' or '\r' or '\n') && !HasBrokenSurrogate(value ?? "")
            && (!Required || !string.IsNullOrWhiteSpace(value)) && (value?.Length ?? 0) <= Max && (value is null || value.Length >= Min || value.Trim().Length == 0);
    }

    private static bool HasBrokenSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public async Task Campaign_forms_refuse_hostile_text_numbers_dates_and_choices_and_keep_legitimate_text_as_typed()
    {
        var campaigns = db.Get<CampaignRepository>();
        foreach (var text in Texts)
        {
            await TextAsync("create campaign", new TextField(nameof(CampaignInput.Name), true, 100, 3), text,
                () => campaigns.CreateAsync(sponsor, Campaign(c => c.Name = text.Value!)), c => c.Name);
            await TextAsync("create campaign", new TextField(nameof(CampaignInput.Description), false, 2000), text,
                () => campaigns.CreateAsync(sponsor, Campaign(c => c.Description = text.Value)), c => c.Description);
            await TextAsync("create campaign", new TextField(nameof(CampaignInput.Goals), false, 1000), text,
                () => campaigns.CreateAsync(sponsor, Campaign(c => c.Goals = text.Value)), c => c.Goals);
            await RefusedAsync("create campaign", nameof(CampaignInput.Category), text.Name,
                async () => await campaigns.CreateAsync(sponsor, Campaign(c => c.Category = text.Value!)));
            await RefusedAsync("create campaign", nameof(CampaignInput.Niche), text.Name,
                async () => await campaigns.CreateAsync(sponsor, Campaign(c => c.Niche = text.Value!)));
            var own = await db.CreateCampaignAsync(sponsor);
            await TextAsync("edit campaign", new TextField(nameof(CampaignInput.Name), true, 100, 3), text,
                () => WithId(campaigns.UpdateAsync(sponsor, own, Campaign(c => c.Name = text.Value!)), own), c => c.Name);
        }

        foreach (var amount in Amounts)
        {
            var valid = amount is >= 0.01m and <= 1_000_000_000m && decimal.Round(amount, 2) == amount;
            await ExpectAsync("create campaign", nameof(CampaignInput.Budget), $"budget {amount}", valid,
                async () => await campaigns.CreateAsync(sponsor, Campaign(c => c.Budget = amount)));
        }

        foreach (var (name, start, end) in Dates(db.Clock.Today))
        {
            await CheckRefusedAsync("create campaign", ["StartDate", "EndDate"], $"dates: {name}",
                async () => await campaigns.CreateAsync(sponsor, Campaign(c => (c.StartDate, c.EndDate) = (start, end))));
            await CheckRefusedAsync("edit campaign", ["StartDate", "EndDate"], $"dates: {name}",
                () => campaigns.UpdateAsync(sponsor, campaignId, Campaign(c => (c.StartDate, c.EndDate) = (start, end))));
        }

        foreach (var visibility in new[] { (CampaignVisibility)99, (CampaignVisibility)(-1) })
        {
            await RefusedAsync("create campaign", nameof(CampaignInput.Visibility), $"visibility {(int)visibility}",
                async () => await campaigns.CreateAsync(sponsor, Campaign(c => c.Visibility = visibility)));
        }

        AssertClean(minimumChecks: 100);
    }

    [Fact]
    public async Task Ad_request_moves_refuse_hostile_terms_reasons_links_cards_and_ratings_and_keep_legitimate_text_as_typed()
    {
        var requests = db.Get<AdRequestRepository>();
        var influencerId = await db.InfluencerIdAsync(influencer);
        foreach (var text in Texts)
        {
            await RefusedOrStoredAsync("send request", new TextField(nameof(OfferInput.Requirements), true, 2000), text, NewCampaignAsync,
                campaign => requests.SendAsync(sponsor, campaign, influencerId, Offer(o => o.Requirements = text.Value!)), RequirementsOf);
            await RefusedOrStoredAsync("send request", new TextField(nameof(OfferInput.Message), false, 1000), text, NewCampaignAsync,
                campaign => requests.SendAsync(sponsor, campaign, influencerId, Offer(o => o.Message = text.Value)), LatestMessageOf);
            await RefusedOrStoredAsync("apply to campaign", new TextField(nameof(OfferInput.Requirements), true, 2000), text, NewCampaignAsync,
                campaign => requests.ApplyAsync(influencer, campaign, Offer(o => o.Requirements = text.Value!)), RequirementsOf);
            await MoveAsync("counter-offer", new TextField(nameof(OfferInput.Requirements), true, 2000), text, AdRequestStatus.Pending,
                id => requests.CounterAsync(influencer, id, 1, Offer(o => o.Requirements = text.Value!)), RequirementsOf);
            await MoveAsync("edit request", new TextField(nameof(OfferInput.Requirements), true, 2000), text, AdRequestStatus.Pending,
                id => requests.EditAsync(sponsor, id, Offer(o => o.Requirements = text.Value!)), RequirementsOf);
            await MoveAsync("reject", new TextField("Reason", false, 500), text, AdRequestStatus.Pending,
                id => requests.RejectAsync(influencer, id, text.Value), ClosedReasonOf);
            await MoveAsync("cancel", new TextField("Reason", true, 500), text, AdRequestStatus.Accepted,
                id => requests.CancelAsync(sponsor, id, text.Value!), ClosedReasonOf);
            await MoveAsync("pay", new TextField(nameof(PaymentInput.CardHolder), true, 100), text, AdRequestStatus.Accepted,
                id => requests.PayAsync(sponsor, id, Card(c => c.CardHolder = text.Value!)), null);
            foreach (var field in new[] { nameof(PaymentInput.CardNumber), nameof(PaymentInput.Expiry), nameof(PaymentInput.Cvc) })
            {
                var card = Card(c => typeof(PaymentInput).GetProperty(field)!.SetValue(c, text.Value));
                await MoveAsync("pay", new TextField(field, true, 0), text, AdRequestStatus.Accepted, id => requests.PayAsync(sponsor, id, card), null);
            }

            await MoveAsync("deliver", new TextField("DeliveryUrl", true, 0), text, AdRequestStatus.Paid,
                id => requests.DeliverAsync(influencer, id, text.Value!), null);
            await MoveAsync("review", new TextField(nameof(ReviewInput.Text), false, 1000), text, AdRequestStatus.Completed,
                id => requests.ReviewAsync(sponsor, id, new ReviewInput { Rating = 4, Text = text.Value }), ReviewTextOf);
        }

        foreach (var (url, usable) in Urls)
        {
            var id = await RequestAsync(AdRequestStatus.Paid);
            await ExpectAsync("deliver", "DeliveryUrl", $"link {Short(url)}", usable, async () => await requests.DeliverAsync(influencer, id, url));
        }

        foreach (var amount in Amounts)
        {
            var valid = amount is >= 0.01m and <= 100_000_000m && decimal.Round(amount, 2) == amount;
            var pending = await db.AddAdRequestAsync(await db.CreateCampaignAsync(sponsor), influencer);
            await ExpectAsync("counter-offer", nameof(OfferInput.Payment), $"payment {amount}", valid,
                async () => await requests.CounterAsync(influencer, pending, 1, Offer(o => o.Payment = amount)));
            var campaign = await NewCampaignAsync();
            await ExpectAsync("send request", nameof(OfferInput.Payment), $"payment {amount}", valid,
                async () => await requests.SendAsync(sponsor, campaign, influencerId, Offer(o => o.Payment = amount)));
        }

        foreach (var rating in Ratings)
        {
            var id = await RequestAsync(AdRequestStatus.Completed);
            await RefusedAsync("review", nameof(ReviewInput.Rating), $"rating {rating}", () => requests.ReviewAsync(sponsor, id, new ReviewInput { Rating = rating }));
        }

        foreach (var revision in new[] { -1, 0, 2, int.MaxValue, int.MinValue })
        {
            var id = await RequestAsync(AdRequestStatus.Pending);
            await CheckRefusedAsync("accept", [""], $"seen revision {revision}", () => requests.AcceptAsync(influencer, id, revision));
        }

        AssertClean(minimumChecks: 230);
    }

    [Fact]
    public async Task Profile_sign_up_settings_and_token_forms_refuse_hostile_input_and_keep_legitimate_text_as_typed()
    {
        var profiles = db.Get<InfluencerRepository>();
        var webhooks = db.Get<ChatWebhookRepository>();
        var tokens = db.Get<ApiTokenRepository>();
        foreach (var text in Texts)
        {
            await TextAsync("influencer profile", new TextField(nameof(ProfileInput.Name), true, 100, 2), text,
                async () => (await profiles.UpdateOwnProfileAsync(influencer, Profile(p => p.Name = text.Value!))).AsInt(), _ => OwnProfileAsync(p => p.Name));
            await TextAsync("influencer profile", new TextField(nameof(ProfileInput.Platforms), false, 300), text,
                async () => (await profiles.UpdateOwnProfileAsync(influencer, Profile(p => p.Platforms = text.Value!))).AsInt(), _ => OwnProfileAsync(p => p.Platforms));
            await TextAsync("influencer profile", new TextField(nameof(ProfileInput.Bio), false, 2000), text,
                async () => (await profiles.UpdateOwnProfileAsync(influencer, Profile(p => p.Bio = text.Value!))).AsInt(), _ => OwnProfileAsync(p => p.Bio));
            await RefusedAsync("influencer profile", nameof(ProfileInput.Niche), text.Name,
                () => profiles.UpdateOwnProfileAsync(influencer, Profile(p => p.Niche = text.Value!)));

            await RegistrationAsync(new TextField(nameof(Registration.Name), true, 100, 2), text, r => r.Name = text.Value!);
            await RegistrationAsync(new TextField(nameof(SponsorRegistration.Industry), true, 60, 2), text, r => ((SponsorRegistration)r).Industry = text.Value!);
            await RegistrationAsync(new TextField(nameof(Registration.Email), true, 0), text, r => r.Email = text.Value!);

            var clears = string.IsNullOrWhiteSpace(text.Value);
            await ExpectAsync("chat webhook", "Url", text.Name, clears, async () => await webhooks.SaveAsync(influencer, text.Value));
            await TextAsync("API token", new TextField(nameof(ApiTokenInput.Name), true, ApiTokenInput.MaxNameLength), text,
                async () =>
                {
                    var made = await tokens.CreateAsync(sponsor, new ApiTokenInput { Name = text.Value! });
                    return made.Succeeded ? CommandResult<int>.Success(made.Value!.Id) : CommandResult<int>.Failure(made);
                },
                async id =>
                {
                    await using var context = await db.ContextAsync();
                    return await context.ApiTokens.Where(t => t.Id == id).Select(t => t.Name).SingleAsync();
                });
            await RevokeAllAsync(tokens);
        }

        foreach (var email in Emails)
        {
            await RegistrationAsync(new TextField(nameof(Registration.Email), true, 0), new Text($"email {Short(email)}", email), r => r.Email = email);
        }

        foreach (var (url, _) in Urls)
        {
            await RefusedAsync("chat webhook", "Url", $"link {Short(url)}", () => webhooks.SaveAsync(influencer, url));
        }

        foreach (var count in Counts)
        {
            await RefusedAsync("influencer profile", nameof(ProfileInput.Followers), $"followers {count}",
                () => profiles.UpdateOwnProfileAsync(influencer, Profile(p => p.Followers = count)));
            await CheckRegistrationRefusedAsync(nameof(InfluencerRegistration.Followers), $"followers {count}",
                Influencer(r => r.Followers = count));
        }

        foreach (var amount in Amounts)
        {
            var valid = amount is >= 0m and <= 1_000_000_000m && decimal.Round(amount, 2) == amount;
            await ExpectAsync("sponsor sign-up", nameof(SponsorRegistration.Budget), $"budget {amount}", valid,
                async () => Registered(await RegisterAsync(Sponsor(r => r.Budget = amount))));
        }

        foreach (var kind in new[] { (SponsorKind)99, (SponsorKind)(-1) })
        {
            await CheckRegistrationRefusedAsync(nameof(SponsorRegistration.Kind), $"kind {(int)kind}", Sponsor(r => r.Kind = kind));
        }

        AssertClean(minimumChecks: 150);
    }

    [Fact]
    public async Task Admin_decisions_refuse_hostile_reasons_and_undefined_choices_and_keep_legitimate_reasons_as_typed()
    {
        var moderation = db.Get<ModerationRepository>();
        var sponsors = db.Get<SponsorRepository>();
        var exports = db.Get<ExportRepository>();
        foreach (var text in Texts)
        {
            var reason = new TextField(nameof(ReasonInput.Reason), true, 500);
            await RefusedOrStoredAsync("flag user", reason, text, async () => (await db.CreateInfluencerAsync()).UserId,
                async user => (await moderation.FlagUserAsync(admin, user, new ReasonInput { Reason = text.Value! })).AsInt(),
                async _ => await LatestAuditReasonAsync());
            await RefusedOrStoredAsync("remove user", reason, text, async () => (await db.CreateSponsorAsync()).UserId,
                async user => (await moderation.DeleteUserAsync(admin, user, new ReasonInput { Reason = text.Value! })).AsInt(),
                async _ => await LatestAuditReasonAsync());
            await RefusedOrStoredAsync("flag campaign", reason, text, () => db.CreateCampaignAsync(sponsor),
                async id => (await moderation.FlagCampaignAsync(admin, id, new ReasonInput { Reason = text.Value! })).AsInt(),
                async _ => await LatestAuditReasonAsync());
            await RefusedOrStoredAsync("remove campaign", reason, text, () => db.CreateCampaignAsync(sponsor),
                async id => (await moderation.DeleteCampaignAsync(admin, id, new ReasonInput { Reason = text.Value! })).AsInt(),
                async _ => await LatestAuditReasonAsync());
            await RefusedOrStoredAsync("reject sponsor", reason, text, async () => await db.SponsorIdAsync(await db.CreateSponsorAsync(approved: false)),
                async id => (await sponsors.DecideAsync(admin, id, ApprovalStatus.Rejected, text.Value)).AsInt(),
                async _ => await LatestAuditReasonAsync());
        }

        var pendingId = await db.SponsorIdAsync(await db.CreateSponsorAsync(approved: false));
        foreach (var decision in new[] { ApprovalStatus.Pending, (ApprovalStatus)99, (ApprovalStatus)(-1) })
        {
            await RefusedAsync("decide on sponsor", "Decision", $"decision {(int)decision}", () => sponsors.DecideAsync(admin, pendingId, decision, "Because."));
        }

        foreach (var kind in new[] { (ExportKind)99, (ExportKind)(-1) })
        {
            await CheckRefusedAsync("start export", ["Kind"], $"export kind {(int)kind}", async () => await exports.StartAsync(admin, kind));
        }

        AssertClean(minimumChecks: 70);
    }

    // ---- how one input is checked ----

    /// <summary>A command whose success yields the id of the row the text went into (read back with <paramref name="stored"/>).</summary>
    private Task TextAsync(string target, TextField field, Text text, Func<Task<CommandResult<int>>> command, Func<int, Task<string?>>? stored) =>
        RefusedOrStoredAsync(target, field, text, () => Task.FromResult(0), async _ => await command(), stored);

    private Task TextAsync(string target, TextField field, Text text, Func<Task<CommandResult<int>>> command, Func<Campaign, string?> column) =>
        TextAsync(target, field, text, command, async id =>
        {
            await using var context = await db.ContextAsync();
            return column(await context.Campaigns.SingleAsync(c => c.Id == id));
        });

    /// <summary>A move on a fresh request in <paramref name="status"/>; its text read back by <paramref name="stored"/> (null: not read back).</summary>
    private Task MoveAsync(string target, TextField field, Text text, AdRequestStatus status, Func<int, Task<CommandResult>> move, Func<int, Task<string?>>? stored) =>
        RefusedOrStoredAsync(target, field, text, () => RequestAsync(status), id => WithId(move(id), id), stored);

    private Task<int> NewCampaignAsync() => db.CreateCampaignAsync(sponsor);

    /// <summary>A request in <paramref name="status"/> on a campaign of its own whose ledger holds its money as that status does.</summary>
    private async Task<int> RequestAsync(AdRequestStatus status)
    {
        var committed = status is AdRequestStatus.Accepted or AdRequestStatus.Paid or AdRequestStatus.Completed;
        var spent = status is AdRequestStatus.Paid or AdRequestStatus.Completed;
        var campaign = await db.AddCampaignAsync(sponsor, c => (c.CommittedCents, c.SpentCents) = (committed ? 10_000 : 0, spent ? 10_000 : 0));
        return await db.AddAdRequestAsync(campaign, influencer, status);
    }

    private static async Task<CommandResult<int>> WithId(Task<CommandResult> command, int id)
    {
        var result = await command;
        return result.Succeeded ? CommandResult<int>.Success(id) : CommandResult<int>.Failure(result);
    }

    /// <summary>
    /// Sets the scene (outside the comparison), runs the command: accepted text must read back as
    /// typed (trimmed; blank as empty); refused text must leave every table as it was.
    /// </summary>
    private async Task RefusedOrStoredAsync<TScene>(string target, TextField field, Text text, Func<Task<TScene>> scene,
        Func<TScene, Task<CommandResult<int>>> command, Func<int, Task<string?>>? stored)
    {
        var what = $"{target} × {field.Name} × {text.Name}";
        var prepared = await scene();
        var before = await DataFingerprint.OfAsync(db.DatabaseFile);
        CommandResult<int> result;
        try
        {
            result = await command(prepared);
        }
        catch (Exception e) when (e is not ForbiddenException)
        {
            problems.Add($"{what}: threw {e.GetType().Name}: {e.Message}");
            return;
        }

        if (field.Accepts(text.Value))
        {
            accepted++;
            if (!result.Succeeded)
            {
                problems.Add($"{what}: refused legitimate text: {result.Message}");
            }
            else if (stored is not null && await stored(result.Value) is var saved && (saved ?? "") != (text.Value?.Trim() ?? ""))
            {
                problems.Add($"{what}: stored \"{Short(saved)}\" instead of \"{Short(text.Value?.Trim())}\"");
            }

            return;
        }

        await RecordRefusalAsync(what, [field.Name], result, before);
    }

    private async Task ExpectAsync(string target, string field, string input, bool valid, Func<Task<CommandResult>> command)
    {
        if (valid)
        {
            var what = $"{target} × {field} × {input}";
            try
            {
                accepted++;
                if (await command() is { Succeeded: false } result)
                {
                    problems.Add($"{what}: refused a valid value: {result.Message}");
                }
            }
            catch (Exception e)
            {
                problems.Add($"{what}: threw {e.GetType().Name}: {e.Message}");
            }

            return;
        }

        await CheckRefusedAsync(target, [field], input, command);
    }

    private Task RefusedAsync(string target, string field, string input, Func<Task<CommandResult>> command) =>
        CheckRefusedAsync(target, [field], input, command);

    private async Task<CommandResult?> CheckRefusedAsync(string target, string[] fields, string input, Func<Task<CommandResult>> command)
    {
        var what = $"{target} × {string.Join("/", fields)} × {input}";
        var before = await DataFingerprint.OfAsync(db.DatabaseFile);
        try
        {
            var result = await command();
            await RecordRefusalAsync(what, fields, result, before);
            return result;
        }
        catch (Exception e)
        {
            problems.Add($"{what}: threw {e.GetType().Name}: {e.Message}");
            return null;
        }
    }

    private async Task RecordRefusalAsync(string what, string[] fields, CommandResult result, DataFingerprint before)
    {
        refused++;
        var changes = (await DataFingerprint.OfAsync(db.DatabaseFile)).ChangesSince(before);
        if (result.Succeeded)
        {
            problems.Add($"{what}: accepted" + (changes.Count > 0 ? $" and wrote {string.Join(", ", changes)}" : ""));
        }
        else if (!result.Errors.Any(e => fields.Contains(e.Field) && e.Message.Length > 0))
        {
            problems.Add($"{what}: refused without a message on {string.Join(" or ", fields.Select(f => f == "" ? "the form" : f))}: "
                + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }
        else if (changes.Count > 0)
        {
            problems.Add($"{what}: refused, but wrote {string.Join(", ", changes)}");
        }
    }

    private void AssertClean(int minimumChecks)
    {
        Assert.True(problems.Count == 0, $"{problems.Count} of {refused + accepted} inputs mishandled:\n" + string.Join("\n", problems));
        Assert.True(refused + accepted >= minimumChecks, $"Only {refused + accepted} inputs were checked.");
        Assert.True(refused > 0 && accepted > 0, $"{refused} refused, {accepted} accepted: the corpus must exercise both.");
    }

    // ---- registrations ----

    private async Task RegistrationAsync(TextField field, Text text, Action<Registration> change)
    {
        foreach (var registration in new Registration[] { Sponsor(_ => { }), Influencer(_ => { }) })
        {
            if (field.Name == nameof(SponsorRegistration.Industry) && registration is not SponsorRegistration)
            {
                continue;
            }

            change(registration);
            var target = registration is SponsorRegistration ? "sponsor sign-up" : "influencer sign-up";
            await RefusedOrStoredAsync(target, field, text, () => Task.FromResult(0),
                async _ => Registered(await RegisterAsync(registration)).AsInt(), null);
        }
    }

    private Task CheckRegistrationRefusedAsync(string field, string input, Registration registration) =>
        CheckRefusedAsync(registration is SponsorRegistration ? "sponsor sign-up" : "influencer sign-up", [field], input,
            async () => Registered(await RegisterAsync(registration)));

    private async Task<RegistrationResult> RegisterAsync(Registration registration)
    {
        using var scope = db.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountRegistration>();
        return registration is SponsorRegistration s ? await accounts.RegisterSponsorAsync(s) : await accounts.RegisterInfluencerAsync((InfluencerRegistration)registration);
    }

    private static CommandResult Registered(RegistrationResult result) => result.Succeeded ? CommandResult.Ok : new Refusal(result.Errors);

    private sealed class Refusal(IReadOnlyList<(string Field, string Message)> errors) : CommandResult(errors);

    private static SponsorRegistration Sponsor(Action<SponsorRegistration> change)
    {
        var input = new SponsorRegistration
        {
            Email = $"corpus-{Guid.NewGuid():N}@iescp.test", Password = "Corpus#2026", ConfirmPassword = "Corpus#2026", Name = "Corpus Brand",
            Industry = "Retail", Budget = 1_000m, Kind = SponsorKind.Company,
        };
        change(input);
        return input;
    }

    private static InfluencerRegistration Influencer(Action<InfluencerRegistration> change)
    {
        var input = new InfluencerRegistration
        {
            Email = $"corpus-{Guid.NewGuid():N}@iescp.test", Password = "Corpus#2026", ConfirmPassword = "Corpus#2026", Name = "Corpus Creator",
            Category = "Technology", Niche = "Gadgets", Followers = 1_000,
        };
        change(input);
        return input;
    }

    // ---- valid inputs, changed one field at a time ----

    private CampaignInput Campaign(Action<CampaignInput> change)
    {
        var input = Marketplace.Campaign(budget: 1_000m, name: "Corpus campaign");
        change(input);
        return input;
    }

    private static OfferInput Offer(Action<OfferInput> change)
    {
        var input = Marketplace.Offer(100m, "Two posts");
        change(input);
        return input;
    }

    private static PaymentInput Card(Action<PaymentInput> change)
    {
        var input = Marketplace.Card();
        change(input);
        return input;
    }

    private static ProfileInput Profile(Action<ProfileInput> change)
    {
        var input = new ProfileInput { Name = "Corpus Influencer", Category = "Technology", Niche = "Gadgets", Followers = 1_000, Platforms = "", Bio = "" };
        change(input);
        return input;
    }

    // ---- reading back what was stored ----

    private async Task<string?> RequirementsOf(int requestId)
    {
        await using var context = await db.ContextAsync();
        return await context.AdRequests.Where(r => r.Id == requestId).Select(r => r.Requirements).SingleAsync();
    }

    private async Task<string?> LatestMessageOf(int requestId)
    {
        await using var context = await db.ContextAsync();
        return await context.AdRequestRevisions.Where(r => r.AdRequestId == requestId).OrderByDescending(r => r.Number).Select(r => r.Message).FirstAsync();
    }

    private async Task<string?> ClosedReasonOf(int requestId)
    {
        await using var context = await db.ContextAsync();
        return await context.AdRequests.Where(r => r.Id == requestId).Select(r => r.ClosedReason).SingleAsync();
    }

    private async Task<string?> ReviewTextOf(int requestId)
    {
        await using var context = await db.ContextAsync();
        return await context.Reviews.Where(r => r.AdRequestId == requestId).Select(r => r.Text).SingleAsync();
    }

    private async Task<string?> LatestAuditReasonAsync()
    {
        await using var context = await db.ContextAsync();
        return await context.AuditEntries.OrderByDescending(a => a.Id).Select(a => a.Reason).FirstAsync();
    }

    private async Task<string?> OwnProfileAsync(Func<InfluencerProfile, string> field) =>
        field((await db.Get<InfluencerRepository>().GetOwnProfileAsync(influencer))!);

    private async Task RevokeAllAsync(ApiTokenRepository tokens)
    {
        foreach (var token in await tokens.ListAsync(sponsor))
        {
            await tokens.RevokeAsync(sponsor, token.Id);
        }
    }

    private static string Short(string? text) => text is null ? "(null)" : text.Length > 40 ? text[..40] + $"… ({text.Length} chars)" : text;
}

internal static class CommandResults
{
    /// <summary>A plain result as one that yields an id (0), for the shared checks.</summary>
    public static CommandResult<int> AsInt(this CommandResult result) => result.Succeeded ? CommandResult<int>.Success(0) : CommandResult<int>.Failure(result);
}
