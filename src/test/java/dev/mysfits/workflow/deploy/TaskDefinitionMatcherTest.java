package dev.mysfits.workflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

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
}
