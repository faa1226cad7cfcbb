using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Kiln.Server.Datasets;
using Kiln.Testing;

namespace Kiln.Server.Tests.Web;

public partial class TrainPageTests
{
    [Fact]
    public async Task An_uploaded_table_without_a_column_named_like_a_target_starts_with_none_chosen_and_the_queue_button_disabled()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var id = await UploadAsync(ada, "Survived,Pclass,Sex,Embarked\n1,1,female,C\n0,3,male,S\n1,2,female,S\n0,3,male,Q\n");

        var html = await ada.Client.GetStringAsync($"/train?dataset={id}");
        Assert.Contains("train-target-hint", html);
        Assert.Matches(QueueButton(), html);
        Assert.Contains("disabled", QueueButton().Match(html).Value);
    }

    [Fact]
    public async Task A_column_named_label_is_preselected_as_the_target_wherever_it_stands()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var id = await UploadAsync(ada, "size,Label,colour\n1,a,red\n2,b,blue\n3,a,red\n4,b,blue\n");

        var html = await ada.Client.GetStringAsync($"/train?dataset={id}");
        Assert.DoesNotContain("train-target-hint", html);
        Assert.DoesNotContain("disabled", QueueButton().Match(html).Value);
    }

    [Fact]
    public async Task Columns_to_use_lists_every_column_but_the_target_and_marks_a_likely_identifier_with_its_reason()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var id = await UploadAsync(ada, "code,size,label\nk1,1,a\nk2,2,b\nk3,1,a\nk4,2,b\n");

        var html = await ada.Client.GetStringAsync($"/train?dataset={id}");
        Assert.Contains("Columns to use", html);
        Assert.Contains("code (a different value in every row: likely an identifier, not a feature)", html);
        Assert.DoesNotContain("size (a different value", html);
    }

    [Fact]
    public async Task The_titanic_ticket_number_is_unticked_as_a_likely_reference_number_and_cabin_is_shown_as_training_leaves_it_out()
    {
        // the target renamed 'label' so the page chooses it and shows the columns; the sample would need a download here
        var titanic = (await File.ReadAllTextAsync(SharedFolder.RequireDataset("titanic/train.csv"))).Replace("PassengerId,Survived,", "PassengerId,label,");
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var id = await UploadAsync(ada, titanic);

        var html = await ada.Client.GetStringAsync($"/train?dataset={id}");
        Assert.Contains("Ticket (681 different codes in 891 rows, such as &#x27;A/5 21171&#x27; and &#x27;PC 17599&#x27;: likely a reference number, not a feature)", html);
        Assert.Contains("Name (a different value in every row", html);
        Assert.Contains("Cabin (left out by training: text with 147 distinct values in 204 rows", html);
        Assert.Contains(">Embarked</", html);
    }

    [Fact]
    public async Task A_sample_starts_with_its_known_target_chosen()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var html = await ada.Client.GetStringAsync("/train?sample=iris");
        Assert.DoesNotContain("train-target-hint", html);
        Assert.DoesNotContain("disabled", QueueButton().Match(html).Value);
    }

    static async Task<string> UploadAsync(CookieSession session, string csv)
    {
        var response = await session.Client.PostAsync("/api/datasets?name=passengers.csv", new StringContent(csv, Encoding.UTF8, "text/csv"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<DatasetInfo>())!.Id;
    }

    [GeneratedRegex("<button[^>]*id=\"queue-job\"[^>]*>")]
    private static partial Regex QueueButton();
}
