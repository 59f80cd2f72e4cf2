namespace NetworkAnalysis.Reporting.Tests.Exports;

/// <summary>
/// The structural core of the GraphML 1.0 schema (graphml → key*, graph → node/edge*, data), written from the
/// GraphML primer's element and attribute definitions, to validate exports without network access.
/// </summary>
internal static class GraphMlStructureSchema
{
    public const string Xsd = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://graphml.graphdrawing.org/xmlns"
                   xmlns="http://graphml.graphdrawing.org/xmlns" elementFormDefault="qualified">
          <xs:element name="graphml">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="key" minOccurs="0" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:attribute name="id" type="xs:NMTOKEN" use="required"/>
                    <xs:attribute name="for" use="required">
                      <xs:simpleType><xs:restriction base="xs:NMTOKEN">
                        <xs:enumeration value="all"/><xs:enumeration value="graph"/><xs:enumeration value="node"/><xs:enumeration value="edge"/>
                      </xs:restriction></xs:simpleType>
                    </xs:attribute>
                    <xs:attribute name="attr.name" type="xs:string" use="required"/>
                    <xs:attribute name="attr.type" use="required">
                      <xs:simpleType><xs:restriction base="xs:NMTOKEN">
                        <xs:enumeration value="boolean"/><xs:enumeration value="int"/><xs:enumeration value="long"/>
                        <xs:enumeration value="float"/><xs:enumeration value="double"/><xs:enumeration value="string"/>
                      </xs:restriction></xs:simpleType>
                    </xs:attribute>
                  </xs:complexType>
                </xs:element>
                <xs:element name="graph" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:choice minOccurs="0" maxOccurs="unbounded">
                      <xs:element name="node">
                        <xs:complexType>
                          <xs:sequence><xs:element ref="data" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
                          <xs:attribute name="id" type="xs:string" use="required"/>
                        </xs:complexType>
                      </xs:element>
                      <xs:element name="edge">
                        <xs:complexType>
                          <xs:sequence><xs:element ref="data" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
                          <xs:attribute name="id" type="xs:string"/>
                          <xs:attribute name="source" type="xs:string" use="required"/>
                          <xs:attribute name="target" type="xs:string" use="required"/>
                        </xs:complexType>
                      </xs:element>
                    </xs:choice>
                    <xs:attribute name="id" type="xs:string"/>
                    <xs:attribute name="edgedefault" use="required">
                      <xs:simpleType><xs:restriction base="xs:NMTOKEN">
                        <xs:enumeration value="directed"/><xs:enumeration value="undirected"/>
                      </xs:restriction></xs:simpleType>
                    </xs:attribute>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
              <xs:anyAttribute namespace="##other" processContents="skip"/>
            </xs:complexType>
          </xs:element>
          <xs:element name="data">
            <xs:complexType>
              <xs:simpleContent>
                <xs:extension base="xs:string"><xs:attribute name="key" type="xs:NMTOKEN" use="required"/></xs:extension>
              </xs:simpleContent>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """;
}
