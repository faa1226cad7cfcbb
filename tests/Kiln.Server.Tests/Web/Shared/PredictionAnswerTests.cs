using Kiln.Server.Web.Shared;

namespace Kiln.Server.Tests.Web.Shared;

public class PredictionAnswerTests
{
    [Fact]
    public void An_image_answer_keeps_every_files_class_confidence_and_probabilities_in_order()
    {
        var answer = PredictionAnswer.Read(200, """
            {"model":"colours","version":2,"id":"abc","predictions":[
              {"file":"red.png","prediction":"red","confidence":0.9,"probabilities":{"blue":0.1,"red":0.9}},
              {"file":"sea.jpg","prediction":"blue","confidence":0.7,"probabilities":{"blue":0.7,"red":0.3}}]}
            """);
        Assert.Null(answer.Error);
        Assert.Equal(["red.png", "sea.jpg"], answer.Rows.Select(r => r.File));
        Assert.Equal(["red", "blue"], answer.Rows.Select(r => r.Prediction));
        Assert.Equal(0.7, answer.Rows[1].Confidence);
        Assert.Equal(0.3, answer.Rows[1].Probabilities["red"]);
        Assert.Equal(("red", 2), (answer.Prediction, answer.Version));
    }

    [Fact]
    public void A_rows_answer_has_no_file_and_a_problem_reads_as_its_detail()
    {
        var rows = PredictionAnswer.Read(200, """{"version":1,"id":"x","predictions":[{"prediction":3.5}]}""");
        Assert.Null(rows.Rows.Single().File);
        Assert.Equal("3.5", rows.Prediction);
        var problem = PredictionAnswer.Read(415, """{"title":"Unsupported Media Type","detail":"send image files"}""");
        Assert.Equal("415 Unsupported Media Type: send image files", problem.Error);
        Assert.StartsWith("the answer could not be read", PredictionAnswer.Read(200, """{"version":1,"id":"x","predictions":[]}""").Error);
    }
}
