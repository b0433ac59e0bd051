package dev.mysfits.workflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TaskDefinitionMatcherTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void matches_whenRegisteredHasExtraDefaultsAndReorderedNamedElements() throws Exception {
        JsonNode sent = json("{'family':'f','cpu':256,'tags':[{'key':'a','value':'b'}],'containerDefinitions':[{'name':'web','image':'r:1',"
                + "'environment':[{'name':'A','value':'1'},{'name':'B','value':'2'}],'portMappings':[{'containerPort':80}]}]}");
        JsonNode registered = json("{'family':'f','cpu':'256','revision':3,'status':'ACTIVE','containerDefinitions':[{'name':'web','image':'r:1',"
                + "'environment':[{'name':'B','value':'2'},{'name':'A','value':'1'}],'portMappings':[{'containerPort':80,'hostPort':80,'protocol':'tcp'}],'essential':true}]}");
        assertEquals(Optional.empty(), TaskDefinitionMatcher.difference(sent, registered));
    }

    @Test
    void difference_namesThePathOfAChangedImage() throws Exception {
        JsonNode sent = json("{'family':'f','containerDefinitions':[{'name':'web','image':'r:2'}]}");
        JsonNode registered = json("{'family':'f','containerDefinitions':[{'name':'web','image':'r:1'}]}");
        assertEquals(Optional.of("containerDefinitions[web].image"), TaskDefinitionMatcher.difference(sent, registered));
    }

    @Test
    void difference_whenAFieldIsMissingOrAListChangesLength() throws Exception {
        assertEquals(Optional.of("memory"), TaskDefinitionMatcher.difference(json("{'memory':'512'}"), json("{}")));
        assertEquals(Optional.of("containerDefinitions"), TaskDefinitionMatcher.difference(
                json("{'containerDefinitions':[{'name':'a'},{'name':'b'}]}"), json("{'containerDefinitions':[{'name':'a'}]}")));
        assertEquals(Optional.empty(), TaskDefinitionMatcher.difference(json("{'volumes':[]}"), json("{}")));
    }

    @Test
    void compare_leavesOutTheDefaultsEcsAdded_andShowsTheLiveSideInTheTemplatesOrderAndForm() throws Exception {
        JsonNode sent = json("{'family':'f','cpu':256,'tags':[{'key':'a','value':'b'}],'volumes':[],'containerDefinitions':[{'name':'web','image':'r:1',"
                + "'environment':[{'name':'A','value':'1'},{'name':'B','value':'2'}],'portMappings':[{'containerPort':80}]}]}");
        JsonNode registered = json("{'family':'f','cpu':'256','revision':3,'status':'ACTIVE','containerDefinitions':[{'name':'web','image':'r:1',"
                + "'environment':[{'name':'B','value':'2'},{'name':'A','value':'1'}],'portMappings':[{'containerPort':80,'hostPort':80,'protocol':'tcp'}],"
                + "'essential':true,'mountPoints':[],'volumesFrom':[]}],'compatibilities':['EC2','FARGATE']}");

        TaskDefinitionMatcher.Comparison comparison = TaskDefinitionMatcher.compare(sent, registered);

        assertEquals(List.of(), comparison.differences());
        assertEquals(comparison.template(), comparison.live(), "the live side reads as the template where they match");
        assertEquals(json("{'family':'f','cpu':256,'volumes':[],'containerDefinitions':[{'name':'web','image':'r:1',"
                + "'environment':[{'name':'A','value':'1'},{'name':'B','value':'2'}],'portMappings':[{'containerPort':80}]}]}"),
                comparison.template(), "no tags, no defaults");
    }

    @Test
    void compare_listsEveryDifference_withTheLiveAndTheTemplateValue_andTheFirstIsWhatDeployNames() throws Exception {
        JsonNode sent = json("{'family':'f','memory':'1024','containerDefinitions':[{'name':'web','image':'r:2',"
                + "'environment':[{'name':'A','value':'2'}],'healthCheck':{'command':['CMD','true']}}]}");
        JsonNode registered = json("{'family':'f','memory':'512','containerDefinitions':[{'name':'web','image':'r:1','essential':true,"
                + "'environment':[{'name':'A','value':'1'}]}]}");

        TaskDefinitionMatcher.Comparison comparison = TaskDefinitionMatcher.compare(sent, registered);

        assertEquals(List.of(
                new TaskDefinitionMatcher.Difference("memory", json("'512'"), json("'1024'")),
                new TaskDefinitionMatcher.Difference("containerDefinitions[web].image", json("'r:1'"), json("'r:2'")),
                new TaskDefinitionMatcher.Difference("containerDefinitions[web].environment[A].value", json("'1'"), json("'2'")),
                new TaskDefinitionMatcher.Difference("containerDefinitions[web].healthCheck", null, json("{'command':['CMD','true']}"))),
                comparison.differences());
        assertEquals(Optional.of("memory"), TaskDefinitionMatcher.difference(sent, registered));
        assertEquals(json("{'family':'f','memory':'512','containerDefinitions':[{'name':'web','image':'r:1','environment':[{'name':'A','value':'1'}]}]}"),
                comparison.live(), "the live side has what the revision has of the template's fields, and no more");
    }

    @Test
    void compare_withNoRevision_hasEveryFieldAsADifference_andNoLiveSide() throws Exception {
        JsonNode sent = json("{'family':'f','containerDefinitions':[{'name':'web','image':'r:2'}]}");

        TaskDefinitionMatcher.Comparison comparison = TaskDefinitionMatcher.compare(sent, null);

        assertEquals(List.of("family", "containerDefinitions"), comparison.differences().stream().map(TaskDefinitionMatcher.Difference::path).toList());
        assertEquals(json("{}"), comparison.live());
    }
}
